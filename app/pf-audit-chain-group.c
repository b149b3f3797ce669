/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-audit-chain-group.h"

/* The state of a project's audit chain: intact, broken at an entry, or not
 * verified yet, and the head hash to keep elsewhere as an anchor. The
 * Overview and the Audit Trail page both show it. */

struct _PfAuditChainGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  AdwActionRow        *chain_row;
  GtkImage            *chain_icon;
  AdwActionRow        *head_row;
  GtkButton           *copy_head_button;

  /* Owned references */
  PfDocument          *document;
  gulong               changed_handler;
  gulong               verified_handler;
};

G_DEFINE_FINAL_TYPE (PfAuditChainGroup, pf_audit_chain_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_rows (PfAuditChainGroup *self)
{
  const char *problem = NULL;
  const char *head = NULL;
  g_autofree char *subtitle = NULL;
  const char *icon_name = "emblem-ok-symbolic";
  gboolean broken = FALSE;
  guint broken_at, n;

  if (self->document == NULL)
    {
      adw_action_row_set_subtitle (self->chain_row, NULL);
      adw_action_row_set_subtitle (self->head_row, _("No entries yet"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->copy_head_button), FALSE);
      return;
    }

  broken_at = pf_document_get_audit_broken_at (self->document, &problem);
  n = pf_document_get_audit_length (self->document);
  head = pf_document_get_audit_head (self->document);

  if (!pf_document_get_audit_verified (self->document))
    {
      subtitle = g_strdup (_("Not verified yet: checking…"));
      icon_name = "content-loading-symbolic";
    }
  else if (broken_at > 0)
    {
      /* Translators: %u is an entry number, %s what is wrong with it. */
      subtitle = g_strdup_printf (_("Broken at entry %u: %s"), broken_at, problem);
      icon_name = "dialog-warning-symbolic";
      broken = TRUE;
    }
  else
    {
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Intact, %u entry", "Intact, %u entries", n), n);
    }

  gtk_image_set_from_icon_name (self->chain_icon, icon_name);
  if (broken)
    gtk_widget_add_css_class (GTK_WIDGET (self->chain_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->chain_icon), "error");

  adw_action_row_set_subtitle (self->chain_row, subtitle);
  adw_action_row_set_subtitle (self->head_row, head ? head : _("No entries yet"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_head_button), head != NULL);
}

static void
document_audit_verified_cb (PfAuditChainGroup *self,
                            GParamSpec        *pspec,
                            PfDocument        *document)
{
  update_rows (self);
}

static void
document_changed_cb (PfAuditChainGroup *self,
                     const char        *object,
                     const char        *field,
                     PfDocument        *document)
{
  update_rows (self);
}

static void
copy_head_button_clicked_cb (PfAuditChainGroup *self)
{
  const char *head = self->document ? pf_document_get_audit_head (self->document) : NULL;

  if (head != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), head);
}

static void
pf_audit_chain_group_dispose (GObject *object)
{
  PfAuditChainGroup *self = (PfAuditChainGroup *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_signal_handler (&self->verified_handler, self->document);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_AUDIT_CHAIN_GROUP);

  G_OBJECT_CLASS (pf_audit_chain_group_parent_class)->dispose (object);
}

static void
pf_audit_chain_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PfAuditChainGroup *self = PF_AUDIT_CHAIN_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_audit_chain_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PfAuditChainGroup *self = PF_AUDIT_CHAIN_GROUP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pf_audit_chain_group_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_audit_chain_group_class_init (PfAuditChainGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_audit_chain_group_dispose;
  object_class->get_property = pf_audit_chain_group_get_property;
  object_class->set_property = pf_audit_chain_group_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-audit-chain-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PfAuditChainGroup, chain_row);
  gtk_widget_class_bind_template_child (widget_class, PfAuditChainGroup, chain_icon);
  gtk_widget_class_bind_template_child (widget_class, PfAuditChainGroup, head_row);
  gtk_widget_class_bind_template_child (widget_class, PfAuditChainGroup, copy_head_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_head_button_clicked_cb);
}

static void
pf_audit_chain_group_init (PfAuditChainGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_rows (self);
}

GtkWidget *
pf_audit_chain_group_new (void)
{
  return g_object_new (PF_TYPE_AUDIT_CHAIN_GROUP, NULL);
}

PfDocument *
pf_audit_chain_group_get_document (PfAuditChainGroup *self)
{
  g_return_val_if_fail (PF_IS_AUDIT_CHAIN_GROUP (self), NULL);

  return self->document;
}

void
pf_audit_chain_group_set_document (PfAuditChainGroup *self,
                                   PfDocument        *document)
{
  g_return_if_fail (PF_IS_AUDIT_CHAIN_GROUP (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_signal_handler (&self->verified_handler, self->document);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->changed_handler = g_signal_connect_object (document, "changed",
                                                       G_CALLBACK (document_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      self->verified_handler = g_signal_connect_object (document, "notify::audit-verified",
                                                        G_CALLBACK (document_audit_verified_cb), self,
                                                        G_CONNECT_SWAPPED);
    }

  update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
