/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-preferences-window.h"

struct _PfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *identity_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *role_row;
  AdwComboRow          *style_row;
  GtkSpinButton        *autosave_spin;
  AdwActionRow         *catalog_row;
  GtkButton            *builtin_button;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PfPreferencesWindow, pf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions in the style row's list, in the order of the .ui file. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_to_selected (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (scheme, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_color_scheme (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[selected]);
}

static PfApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return PF_IS_APPLICATION (app) ? PF_APPLICATION (app) : NULL;
}

/* The catalog in use: its title and where it comes from. */
static void
update_catalog_row (PfPreferencesWindow *self)
{
  PfApplication *app = get_application ();
  PfCatalog *catalog;
  GFile *file;
  g_autofree char *subtitle = NULL;

  if (app == NULL)
    return;

  catalog = pf_application_get_catalog (app);
  file = pf_application_get_catalog_file (app);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: a catalog's title and its file name. */
      subtitle = g_strdup_printf (_("%s, from “%s”"), pf_catalog_get_title (catalog), name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->catalog_row), g_file_peek_path (file));
    }
  else
    {
      /* Translators: a catalog's title. */
      subtitle = g_strdup_printf (_("%s (built in)"), pf_catalog_get_title (catalog));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->catalog_row), NULL);
    }

  adw_action_row_set_subtitle (self->catalog_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->builtin_button), file != NULL);
}

static void
choose_button_clicked_cb (PfPreferencesWindow *self)
{
  PfApplication *app = get_application ();

  if (app != NULL)
    pf_application_choose_catalog (app, GTK_WINDOW (self));
}

static void
builtin_button_clicked_cb (PfPreferencesWindow *self)
{
  PfApplication *app = get_application ();

  if (app != NULL)
    pf_application_load_catalog (app, NULL, NULL);
}

static void
pf_preferences_window_constructed (GObject *object)
{
  PfPreferencesWindow *self = (PfPreferencesWindow *)object;
  g_autofree char *description = NULL;
  const char *real_name = g_get_real_name ();

  G_OBJECT_CLASS (pf_preferences_window_parent_class)->constructed (object);

  if (real_name == NULL || g_str_equal (real_name, "Unknown") || real_name[0] == '\0')
    real_name = g_get_user_name ();

  /* Translators: %s is the name of the user's account. */
  description = g_strdup_printf (_("Printed in the audit trail and on sign-off records. "
                                   "Preflight does not verify who you are. "
                                   "Leave the name empty to use your account's name, “%s”."),
                                 real_name);
  adw_preferences_group_set_description (self->identity_group, description);

  g_settings_bind (self->settings, "user-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "user-role", self->role_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave-interval",
                   gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                color_scheme_to_selected,
                                selected_to_color_scheme,
                                NULL, NULL);

  if (get_application () != NULL)
    g_signal_connect_object (get_application (), "notify::catalog",
                             G_CALLBACK (update_catalog_row), self,
                             G_CONNECT_SWAPPED);
  update_catalog_row (self);
}

static void
pf_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (pf_preferences_window_parent_class)->dispose (object);
}

static void
pf_preferences_window_finalize (GObject *object)
{
  PfPreferencesWindow *self = (PfPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pf_preferences_window_parent_class)->finalize (object);
}

static void
pf_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PfPreferencesWindow *self = PF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_preferences_window_class_init (PfPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pf_preferences_window_constructed;
  object_class->dispose = pf_preferences_window_dispose;
  object_class->finalize = pf_preferences_window_finalize;
  object_class->set_property = pf_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, identity_group);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, catalog_row);
  gtk_widget_class_bind_template_child (widget_class, PfPreferencesWindow, builtin_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, builtin_button_clicked_cb);
}

static void
pf_preferences_window_init (PfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pf_preferences_window_new:
 * @settings: the application's settings, which the window edits in place
 */
PfPreferencesWindow *
pf_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PF_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
