/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pf-application.h"
#include "pf-catalog-builtin.h"
#include "pf-cli.h"
#include "pf-draft.h"
#include "pf-preferences-window.h"
#include "pf-window.h"

#define PROJECT_MIME_TYPE "application/x-preflight"
#define SAMPLE_RESOURCE RESOURCE_BASE "/samples/churn.preflight"

struct _PfApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  GSettings      *settings;
  PfCatalog      *catalog;
  GFile          *catalog_file;     /* NULL: the built-in catalog */
  char           *catalog_problem;  /* why the configured catalog is not used */

  guint           drafts_offered : 1;
};

G_DEFINE_FINAL_TYPE (PfApplication, pf_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_options[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
apply_color_scheme (PfApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
settings_changed_cb (PfApplication *self,
                     const char    *key,
                     GSettings     *settings)
{
  if (g_str_equal (key, "color-scheme"))
    apply_color_scheme (self);
}

/* A window for a new project or file: the active one while it is still on
 * its welcome page, else a new one. */
static PfWindow *
pf_application_get_free_window (PfApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PF_IS_WINDOW (window) && !pf_window_is_busy (PF_WINDOW (window)))
    return PF_WINDOW (window);

  return pf_window_new (self);
}

static void
pf_application_open_one (PfApplication *self,
                         GFile         *file)
{
  PfWindow *window;

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (PF_IS_WINDOW (l->data) && pf_window_holds_file (l->data, file))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  window = pf_application_get_free_window (self);
  pf_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_after_first_frame_cb (GdkFrameClock *frame_clock,
                           GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, quit_after_first_frame_cb, app);
  g_application_quit (app);
}

/* The start-up benchmark (tests/bench) measures the time to the first frame. */
static void
maybe_quit_after_first_frame (PfApplication *self,
                              GtkWindow     *window)
{
  GdkFrameClock *frame_clock;

  if (g_getenv ("PREFLIGHT_QUIT_AFTER_FIRST_FRAME") == NULL)
    return;

  if ((frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))))
    g_signal_connect (frame_clock, "after-paint", G_CALLBACK (quit_after_first_frame_cb), self);
}

static void
recover_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PfApplication    *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "drafts");

  if (!g_str_equal (response, "discard") && !g_str_equal (response, "recover"))
    return;

  for (guint i = 0; i < drafts->len; i++)
    {
      PfDraftInfo *info = g_ptr_array_index (drafts, i);
      g_autoptr(PfDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      if (g_str_equal (response, "discard"))
        {
          if (!g_file_delete (info->draft, NULL, &error))
            g_printerr ("Could not remove a draft: %s\n", error->message);
          continue;
        }

      if (!(document = pf_draft_load (info->draft, &error)))
        {
          g_printerr ("Could not recover “%s”: %s\n", info->title, error->message);
          continue;
        }

      {
        PfWindow *window = pf_application_get_free_window (self);

        pf_window_set_document (window, document);
        gtk_window_present (GTK_WINDOW (window));
      }
    }
}

static gboolean
draft_is_open (PfApplication *self,
               PfDraftInfo   *info)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      PfDocument *document;
      g_autoptr(GFile) draft = NULL;

      if (!PF_IS_WINDOW (l->data) || !(document = pf_window_get_document (l->data)))
        continue;

      draft = pf_draft_get_file (document);
      if (g_file_equal (draft, info->draft))
        return TRUE;
    }

  return FALSE;
}

/**
 * pf_application_offer_drafts:
 *
 * Drafts that no window holds are unsaved work from a run that ended
 * without closing its windows: a crash. Offers to recover them.
 */
void
pf_application_offer_drafts (PfApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) body = NULL;
  GtkWindow *parent;
  GtkWidget *dialog;

  g_return_if_fail (PF_IS_APPLICATION (self));

  drafts = pf_draft_list ();
  for (guint i = drafts->len; i > 0; i--)
    {
      if (draft_is_open (self, g_ptr_array_index (drafts, i - 1)))
        g_ptr_array_remove_index (drafts, i - 1);
    }
  if (drafts->len == 0)
    return;

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "Preflight did not close properly and kept a draft of unsaved changes to this project:",
                                    "Preflight did not close properly and kept drafts of unsaved changes to these projects:",
                                    drafts->len));
  for (guint i = 0; i < drafts->len; i++)
    {
      PfDraftInfo *info = g_ptr_array_index (drafts, i);

      g_string_append_printf (body, "\n• %s", info->title);
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Closing the dialog keeps the drafts for the next start. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recover_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* At start-up, whether the app was started plain or with files. */
static void
offer_drafts_once (PfApplication *self)
{
  if (self->drafts_offered)
    return;

  self->drafts_offered = TRUE;
  pf_application_offer_drafts (self);
}

static void
new_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  PfApplication *self = user_data;
  g_autoptr(PfDocument) document = pf_document_new ();
  PfWindow *window = pf_application_get_free_window (self);
  PfCatalog *catalog = pf_application_get_catalog (self);

  /* A new project follows the catalog in use. */
  pf_document_set_catalog (document, pf_catalog_get_id (catalog), pf_catalog_get_version (catalog));
  pf_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  PfApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        pf_application_open_one (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) projects = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Project"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (projects, _("Preflight Projects"));
  gtk_file_filter_add_mime_type (projects, PROJECT_MIME_TYPE);
  gtk_file_filter_add_suffix (projects, "preflight");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), projects);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
load_catalog_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  PfApplication *self = user_data;

  pf_application_choose_catalog (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
use_builtin_catalog_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  pf_application_load_catalog (user_data, NULL, NULL);
}

static void
open_uri_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  pf_application_open_one (user_data, file);
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PfWindow *window = pf_application_get_free_window (user_data);

  pf_window_open_resource (window, SAMPLE_RESOURCE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PfPreferencesWindow *preferences;

  preferences = pf_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Preflight developers", NULL };
  PfApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Preflight"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Preflight developers"),
                        "developers", developers,
                        "comments", _("Decide, with evidence, whether a machine-learning model is ready to deploy."),
                        "website", "https://github.com/preflight/preflight",
                        "issue-url", "https://github.com/preflight/preflight/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Preflight developers",
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PfApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window lets each one save its state (and, with the
   * document, ask about unsaved changes). */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-uri", open_uri_action, "s" },
  { "open-sample", open_sample_action },
  { "preferences", preferences_action },
  { "load-catalog", load_catalog_action },
  { "use-builtin-catalog", use_builtin_catalog_action },
  { "about", about_action },
  { "quit", quit_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export-report", { "<Control>e", NULL } },
  { "win.scan-dataset", { "<Control><Shift>d", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.add-entry", { "<Control><Shift>n", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.next-page", { "<Control>Page_Down", NULL } },
  { "win.previous-page", { "<Control>Page_Up", NULL } },
};

static int
pf_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
pf_application_startup (GApplication *app)
{
  PfApplication *self = PF_APPLICATION (app);

  G_APPLICATION_CLASS (pf_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action, app_accels[i].accels);
}

static void
pf_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (pf_window_new (PF_APPLICATION (app)));

  gtk_window_present (window);
  maybe_quit_after_first_frame (PF_APPLICATION (app), window);
  offer_drafts_once (PF_APPLICATION (app));
}

static void
pf_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    pf_application_open_one (PF_APPLICATION (app), files[i]);

  offer_drafts_once (PF_APPLICATION (app));
}

static void
pf_application_finalize (GObject *object)
{
  PfApplication *self = (PfApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->catalog_file);
  g_clear_pointer (&self->catalog_problem, g_free);

  G_OBJECT_CLASS (pf_application_parent_class)->finalize (object);
}

static void
pf_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PfApplication *self = PF_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, pf_application_get_catalog (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pf_application_class_init (PfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pf_application_finalize;
  object_class->get_property = pf_application_get_property;

  app_class->handle_local_options = pf_application_handle_local_options;
  app_class->startup = pf_application_startup;
  app_class->activate = pf_application_activate;
  app_class->open = pf_application_open;

  /**
   * PfApplication:catalog:
   *
   * The question catalog in use; windows rebuild their phase pages when
   * it changes.
   */
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         PF_TYPE_CATALOG,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pf_application_init (PfApplication *self)
{
  GApplication *app = G_APPLICATION (self);

  g_application_add_main_option_entries (app, main_options);
  g_application_set_option_context_parameter_string (app, _("[FILE…]"));
  g_application_set_option_context_summary (app,
    _("Open Preflight projects (.preflight files) in the graphical application."));
  g_application_set_option_context_description (app, pf_cli_get_commands_help ());
}

PfApplication *
pf_application_new (GApplicationFlags flags)
{
  return g_object_new (PF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * pf_application_get_catalog:
 *
 * The catalog in use: the one chosen in the preferences, read on first
 * use, or the built-in one. A chosen catalog that no longer loads gives
 * way to the built-in one, and pf_application_take_catalog_problem() says
 * why.
 *
 * Returns: (transfer none): the catalog
 */
PfCatalog *
pf_application_get_catalog (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), NULL);

  if (self->catalog == NULL)
    {
      g_autofree char *location = self->settings ? g_settings_get_string (self->settings, "catalog-file") : NULL;

      if (location != NULL && location[0] != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (location);
          g_autoptr(GError) error = NULL;

          if ((self->catalog = pf_catalog_new_from_file (file, &error)))
            self->catalog_file = g_steal_pointer (&file);
          else
            {
              g_printerr ("%s\n", error->message);
              g_free (self->catalog_problem);
              /* Translators: %s says which file and what is wrong with it. */
              self->catalog_problem = g_strdup_printf (_("%s\n\nPreflight uses its built-in catalog instead. "
                                                         "Choose another catalog in the preferences."),
                                                       error->message);
            }
        }

      if (self->catalog == NULL)
        self->catalog = pf_catalog_load_builtin ();
    }

  return self->catalog;
}

/**
 * pf_application_get_catalog_file:
 *
 * Returns: (transfer none) (nullable): the file of the catalog in use, or
 *   %NULL for the built-in one
 */
GFile *
pf_application_get_catalog_file (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), NULL);

  pf_application_get_catalog (self);
  return self->catalog_file;
}

/**
 * pf_application_take_catalog_problem:
 *
 * Why the catalog chosen in the preferences could not be loaded at
 * start-up, once: the next call returns %NULL.
 *
 * Returns: (transfer full) (nullable): the message, for the user
 */
char *
pf_application_take_catalog_problem (PfApplication *self)
{
  g_return_val_if_fail (PF_IS_APPLICATION (self), NULL);

  pf_application_get_catalog (self);
  return g_steal_pointer (&self->catalog_problem);
}

/**
 * pf_application_load_catalog:
 * @file: (nullable): a catalog file, or %NULL for the built-in catalog
 *
 * Reads @file and, if it is a catalog, uses it from now on and remembers
 * it in the settings. Every open window shows its questions.
 *
 * Returns: whether @file is in use; if not, the catalog in use stays
 */
gboolean
pf_application_load_catalog (PfApplication  *self,
                             GFile          *file,
                             GError        **error)
{
  g_autoptr(PfCatalog) catalog = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (PF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (!file || G_IS_FILE (file), FALSE);

  if (file != NULL)
    {
      if (!(catalog = pf_catalog_new_from_file (file, error)))
        return FALSE;
      uri = g_file_get_uri (file);
    }
  else
    catalog = pf_catalog_load_builtin ();

  g_set_object (&self->catalog, catalog);
  g_set_object (&self->catalog_file, file);
  g_clear_pointer (&self->catalog_problem, g_free);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "catalog-file", uri ? uri : "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);

  return TRUE;
}

/**
 * pf_application_load_catalog_or_explain:
 * @parent: the window a failure is reported on
 *
 * As pf_application_load_catalog(), but a file that is not a catalog is
 * reported in a dialog that names the file, the line and the problem.
 */
gboolean
pf_application_load_catalog_or_explain (PfApplication *self,
                                        GFile         *file,
                                        GtkWindow     *parent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (PF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), FALSE);

  if (pf_application_load_catalog (self, file, &error))
    return TRUE;

  name = g_file_get_basename (file);
  g_printerr ("%s\n", error->message);
  /* Translators: %s is a file name. */
  heading = g_strdup_printf (_("Could Not Load “%s”"), name);
  /* Translators: the first %s says what is wrong with the file, the second
   * is the title of the catalog still in use. */
  body = g_strdup_printf (_("%s\n\nThe questions stay those of “%s”."),
                          error->message, pf_catalog_get_title (pf_application_get_catalog (self)));
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

typedef struct
{
  PfApplication *self;
  GtkWindow     *parent;
} ChooseCatalog;

static void
choose_catalog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            ChooseCatalog   *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        pf_application_load_catalog_or_explain (data->self, file, data->parent);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->self);
  g_clear_object (&data->parent);
  g_free (data);
}

/**
 * pf_application_choose_catalog:
 * @parent: (nullable): the window the file chooser belongs to
 *
 * Asks for a catalog file and loads it.
 */
void
pf_application_choose_catalog (PfApplication *self,
                               GtkWindow     *parent)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) catalogs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  ChooseCatalog *data;

  g_return_if_fail (PF_IS_APPLICATION (self));
  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));

  dialog = gtk_file_chooser_native_new (_("Load Question Catalog"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Load"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (catalogs, _("Question Catalogs"));
  gtk_file_filter_add_suffix (catalogs, "catalog");
  gtk_file_filter_add_mime_type (catalogs, "application/xml");
  gtk_file_filter_add_mime_type (catalogs, "text/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), catalogs);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  data = g_new0 (ChooseCatalog, 1);
  data->self = g_object_ref (self);
  data->parent = parent ? g_object_ref (parent) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (choose_catalog_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * pf_application_add_recent:
 *
 * Remembers @file in the desktop's recent files, for the welcome page and
 * the file manager.
 */
void
pf_application_add_recent (PfApplication *self,
                           GFile         *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *)PROJECT_MIME_TYPE,
    .app_name = (char *)g_get_application_name (),
    .app_exec = (char *)"preflight %u",
  };

  g_return_if_fail (PF_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
