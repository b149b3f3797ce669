/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-audit-chain-group.h"
#include "pf-overview-page.h"

struct _PfOverviewPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwEntryRow    *title_row;
  AdwEntryRow    *description_row;
  PfAuditChainGroup *audit_group;

  /* Owned references */
  PfDocument     *document;
  gulong          changed_handler;

  /* Set while the page itself writes into the rows. */
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (PfOverviewPage, pf_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row_text (PfOverviewPage *self,
              AdwEntryRow    *row,
              const char     *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->updating = FALSE;
}

static void
document_changed_cb (PfOverviewPage *self,
                     const char     *object,
                     const char     *field,
                     PfDocument     *document)
{
  if (g_str_equal (object, "metadata"))
    {
      if (g_strcmp0 (field, "title") == 0)
        set_row_text (self, self->title_row, pf_document_get_string (document, "metadata", "title"));
      else if (g_strcmp0 (field, "description") == 0)
        set_row_text (self, self->description_row, pf_document_get_string (document, "metadata", "description"));
    }
}

static void
commit_row (PfOverviewPage *self,
            AdwEntryRow    *row,
            const char     *field)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->document == NULL)
    return;

  if (!pf_document_set_string (self->document, "metadata", field,
                               gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      /* Only a read-only project refuses, and its rows are not editable. */
      g_critical ("Cannot change %s: %s", field, error->message);
    }
}

static void
title_row_changed_cb (PfOverviewPage *self,
                      AdwEntryRow    *row)
{
  commit_row (self, row, "title");
}

static void
description_row_changed_cb (PfOverviewPage *self,
                            AdwEntryRow    *row)
{
  commit_row (self, row, "description");
}

static void
pf_overview_page_dispose (GObject *object)
{
  PfOverviewPage *self = (PfOverviewPage *)object;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), PF_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (pf_overview_page_parent_class)->dispose (object);
}

static void
pf_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PfOverviewPage *self = PF_OVERVIEW_PAGE (object);

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
pf_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PfOverviewPage *self = PF_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      pf_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_overview_page_class_init (PfOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pf_overview_page_dispose;
  object_class->get_property = pf_overview_page_get_property;
  object_class->set_property = pf_overview_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PF_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PF_TYPE_AUDIT_CHAIN_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, PfOverviewPage, audit_group);
  gtk_widget_class_bind_template_callback (widget_class, title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_row_changed_cb);
}

static void
pf_overview_page_init (PfOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pf_overview_page_new (void)
{
  return g_object_new (PF_TYPE_OVERVIEW_PAGE, NULL);
}

PfDocument *
pf_overview_page_get_document (PfOverviewPage *self)
{
  g_return_val_if_fail (PF_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

void
pf_overview_page_set_document (PfOverviewPage *self,
                               PfDocument     *document)
{
  gboolean editable;

  g_return_if_fail (PF_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (!document || PF_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->changed_handler = g_signal_connect_object (document, "changed",
                                                       G_CALLBACK (document_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      set_row_text (self, self->title_row, pf_document_get_string (document, "metadata", "title"));
      set_row_text (self, self->description_row, pf_document_get_string (document, "metadata", "description"));
    }

  pf_audit_chain_group_set_document (self->audit_group, document);

  editable = document != NULL && !pf_document_get_read_only (document);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->description_row), editable);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
