/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-application.c: the application: settings, the edition, command line */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nh-application-private.h"
#include "nh-cli.h"
#include "nh-reminders.h"
#include "ui/nh-card-view.h"
#include "ui/nh-edition-dialog.h"
#include "ui/nh-window.h"

enum {
  PROP_0,
  PROP_EDITION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhApplication, nh_application, ADW_TYPE_APPLICATION)

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "section", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the handbook at this section"), N_("ID") },
  { "list-sections", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id and title of every section, then exit"), NULL },
  { "checklist", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the “infection suspected” checklist"), NULL },
  { "show-card", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the emergency card full screen, for hospital staff"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a PDF, image or table without opening a window: checklist, emergency-card, handbook, letter, lock-screen, visit-report, questions, infusions, illnesses, antibiotics or lab-results"), N_("WHAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The PDF file to write, with --export"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Paper size, with --export: a4, letter, a5, a6 or id1"), N_("SIZE") },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export=emergency-card or checklist: many to a sheet, with crop marks: a4 or letter"), N_("SIZE") },
  { "copies", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --sheet: how many cards or checklists (default: one full sheet)"), N_("N") },
  { "single-sided", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --sheet: backs on sheets of their own, for printers without duplex"), NULL },
  { "blank", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: print empty boxes and write-in lines, no personal data"), NULL },
  { "episode", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export=checklist: print this episode (an id from --list-episodes, or latest)"), N_("ID") },
  { "list-episodes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the id, start, end, steps ticked and readings of every checklist episode, then exit"), NULL },
  { "edition", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open a support group's edition file (with --export: print from it)"), N_("FILE") },
  { "validate-edition", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check an edition file and print every problem, then exit"), N_("FILE") },
  { "export-edition-template", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the built-in edition as a starting point for a new one, then exit"), N_("FILE") },
  { "clinic", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export=checklist: print with this clinic file's name, number and instruction"), N_("FILE") },
  { "validate-clinic", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a clinic file and print every problem, then exit"), N_("FILE") },
  { "export-clinic-template", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a clinic file to fill in, then exit"), N_("FILE") },
  { "export-translation-template", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write every string a support group translates (the handbook and the app) as a .pot file, then exit"),
    N_("FILE.pot") },
  { "import-translation", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Make an edition from a translated LL.po file (with --output), then exit"), N_("LL.po") },
  { "second-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export=emergency-card: every label also in this language, for travel"), N_("LL") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export=lock-screen: the image's size in pixels (default: 1080x2340)"), N_("WxH") },
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the handbook and printouts, such as de or ar (default: the system's)"), N_("LL") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save everything typed, for every child, in one file, then exit"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replace everything typed with a backup, keeping the data there was as a backup, then exit"), N_("FILE") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export=visit-report: the first day, as YYYY-MM-DD (default: a year before --to)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export=visit-report: the last day, as YYYY-MM-DD (default: today)"), N_("DATE") },
  { "import", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Add the rows of a CSV file to the health record: infusions, illnesses, antibiotics or lab-results"), N_("WHAT") },
  { "input", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The CSV file to read, with --import"), N_("FILE") },
  { "child", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show this child’s card, checklist and record (with --export: print theirs)"), N_("NAME") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version, then exit"), NULL },
  { NULL }
};

/* The edition chosen in Preferences. --list-sections runs before start-up,
 * so it reads the setting itself, where the schema is installed. */
static char *
dup_chosen_edition_id (NhApplication *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (self->settings != NULL)
    return g_settings_get_string (self->settings, "edition");

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "edition"))
    return g_strdup (NH_EDITION_LIBRARY_BUILTIN);

  settings = g_settings_new_full (schema, NULL, NULL);

  return g_settings_get_string (settings, "edition");
}

/* Loads the edition once, on first use; --list-sections needs it without a
 * display, the window needs it for its first frame. An installed edition
 * is in its own language; only the built-in one is translated. */
static NhEdition *
ensure_edition (NhApplication  *self,
                const GError  **error)
{
  if (self->edition == NULL && self->edition_error == NULL)
    {
      g_autofree char *language = nh_catalog_resolve_language (self->language);
      g_autoptr(NhCatalog) catalog = nh_catalog_new (language);
      g_autofree char *id = dup_chosen_edition_id (self);
      g_autoptr(GError) local_error = NULL;

      if (*id != '\0' &&
          !(self->edition = nh_edition_library_load (nh_application_get_edition_library (self),
                                                     id, catalog, &local_error)))
        {
          /* Its file was removed or damaged: the built-in handbook, and
           * the window says why, once. */
          g_free (self->edition_fallback);
          self->edition_fallback = g_strdup (local_error->message);
          g_free (id);
          id = g_strdup (NH_EDITION_LIBRARY_BUILTIN);
        }

      g_free (self->edition_id);
      self->edition_id = g_strdup (id);

      if (self->edition == NULL)
        self->edition = nh_edition_new_builtin_translated (catalog, &self->edition_error);

      if (self->edition_fallback != NULL && self->settings != NULL)
        g_settings_set_string (self->settings, "edition", NH_EDITION_LIBRARY_BUILTIN);

      /* A group's edition in a language the app does not ship brings the
       * interface's strings too: the whole app speaks its language. */
      nh_catalog_set_interface (self->edition ? nh_edition_get_interface_catalog (self->edition) : NULL);

      /* Its language's direction for the whole window, as gettext's
       * "default:RTL" does for a language the app ships. */
      if (gtk_is_initialized ())
        gtk_widget_set_default_direction (nh_catalog_get_interface () == NULL
                                          ? gtk_get_locale_direction ()
                                          : nh_catalog_is_rtl (nh_catalog_get_interface ())
                                          ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
    }

  if (error != NULL)
    *error = self->edition_error;

  return self->edition;
}

/* A window's own labels are translated when it is built: when the
 * interface's language changes with the edition, each window is built
 * again, at the page it showed. After the change is handled, not in it. */
static gboolean
rebuild_windows_cb (gpointer data)
{
  NhApplication *self = data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (const GList *l = windows; l; l = l->next)
    {
      g_autofree char *page = NULL;
      NhWindow *window;

      if (!NH_IS_WINDOW (l->data))
        continue;

      page = g_strdup (nh_window_get_section_id (l->data));
      window = nh_window_new (self, self->edition, self->edition_error);
      if (page != NULL)
        nh_window_show_section (window, page);
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_destroy (GTK_WINDOW (l->data));
    }

  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

/* Windows follow the "edition" property. */
static void
reload_edition (NhApplication *self)
{
  NhCatalog *interface = nh_catalog_get_interface ();
  gboolean had_interface = interface != NULL;

  g_clear_object (&self->edition);
  g_clear_error (&self->edition_error);
  ensure_edition (self, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITION]);

  if (had_interface || nh_catalog_get_interface () != NULL)
    g_idle_add (rebuild_windows_cb, g_object_ref (self));
}

static void
edition_setting_changed_cb (NhApplication *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "edition");

  if (self->edition_id == NULL || !g_str_equal (id, self->edition_id))
    reload_edition (self);
}

static void
language_changed_cb (NhApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");

  nh_application_set_language (self, language);
}

static int
list_sections (NhApplication *self)
{
  const GError *error = NULL;
  NhEdition *edition = ensure_edition (self, &error);
  guint n;

  if (edition == NULL)
    {
      g_printerr (_("The handbook could not be loaded: %s\n"), error->message);
      return 1;
    }

  n = nh_edition_get_n_sections (edition);

  for (guint i = 0; i < n; i++)
    {
      NhSection *section = nh_edition_get_section (edition, i);

      g_print ("%s\t%s\n", nh_section_get_id (section), nh_section_get_title (section));
    }

  return 0;
}

static int
list_episodes (NhApplication *self,
               GVariantDict  *options)
{
  const GError *error = NULL;
  NhEdition *edition = ensure_edition (self, &error);

  if (edition == NULL)
    {
      g_printerr (_("The handbook could not be loaded: %s\n"), error->message);
      return 1;
    }

  return nh_cli_list_episodes (options, edition);
}

static int
nh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  NhApplication *self = NH_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "nemo-handbook", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "language", "s", &self->language))
    {
      g_auto(GStrv) available = nh_catalog_list_languages ();

      if (!g_strv_contains ((const char * const *)available, self->language))
        {
          g_autofree char *list = g_strjoinv (", ", available);

          g_printerr (_("The handbook is not available in “%s”. Languages: %s\n"),
                      self->language, list);
          return 2;
        }
    }

  if (g_variant_dict_lookup (options, "validate-edition", "^ay", &path))
    return nh_cli_validate_edition (path);

  if (g_variant_dict_lookup (options, "validate-clinic", "^ay", &path))
    return nh_cli_validate_clinic (path);

  if (g_variant_dict_lookup (options, "export-clinic-template", "^ay", &path))
    return nh_cli_export_clinic_template (path, self->language);

  if (g_variant_dict_lookup (options, "export-edition-template", "^ay", &path))
    return nh_cli_export_edition_template (path, self->language);

  if (g_variant_dict_contains (options, "export-translation-template"))
    return nh_cli_export_translation_template (options);

  if (g_variant_dict_contains (options, "import-translation"))
    return nh_cli_import_translation (options);

  if (g_variant_dict_contains (options, "list-sections"))
    return list_sections (self);

  if (g_variant_dict_contains (options, "list-episodes"))
    return list_episodes (self, options);

  if (g_variant_dict_contains (options, "export"))
    return nh_cli_export (options, self->language);

  if (g_variant_dict_contains (options, "import"))
    return nh_cli_import (options);

  if (g_variant_dict_lookup (options, "backup", "^ay", &path))
    return nh_cli_backup (path);

  if (g_variant_dict_lookup (options, "restore", "^ay", &path))
    return nh_cli_restore (path);

  return G_APPLICATION_CLASS (nh_application_parent_class)->handle_local_options (app, options);
}

static int
nh_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  NhApplication *self = NH_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *section_id = NULL;
  g_autofree char *child_name = NULL;
  g_autofree char *edition_path = NULL;
  g_auto(GStrv) arguments = NULL;
  GtkWindow *window;
  int argc;

  g_variant_dict_lookup (options, "section", "s", &section_id);

  if (g_variant_dict_lookup (options, "child", "s", &child_name))
    {
      NhFamily *family = nh_application_get_family (self);
      NhChild *child = nh_family_find_child (family, child_name);

      if (child == NULL)
        {
          g_autofree char *names = nh_family_dup_names (family);

          g_application_command_line_printerr (command_line,
                                               _("There is no child “%s”. Children: %s\n"),
                                               child_name, names);
          return 1;
        }
      nh_family_set_current (family, child);
    }

  if (section_id != NULL)
    {
      NhEdition *edition = ensure_edition (self, NULL);

      if (edition != NULL && nh_edition_find_section (edition, section_id, NULL) == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               _("There is no section “%s”. "
                                                 "Run nemo-handbook --list-sections to see them.\n"),
                                               section_id);
          return 1;
        }
    }

  window = nh_application_open_window (self);

  if (section_id != NULL)
    nh_window_show_section (NH_WINDOW (window), section_id);

  if (g_variant_dict_contains (options, "checklist"))
    nh_window_show_section (NH_WINDOW (window), "@checklist");

  /* The card page behind, so Escape leaves the staff view for the editor. */
  if (g_variant_dict_contains (options, "show-card") && ensure_edition (self, NULL) != NULL)
    {
      nh_window_show_section (NH_WINDOW (window), "@card");
      nh_card_view_open (window, nh_application_get_card (self), self->edition);
    }

  /* With a window, --edition and the files a file manager passes (%F) open
   * the edition to install; headless exports read --edition in nh-cli.c. */
  if (g_variant_dict_lookup (options, "edition", "^ay", &edition_path))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              edition_path);

      nh_application_open_edition_file (self, file);
    }

  arguments = g_application_command_line_get_arguments (command_line, &argc);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              arguments[i]);

      nh_application_open_edition_file (self, file);
    }

  return 0;
}

static void
nh_application_activate (GApplication *app)
{
  nh_application_open_window (NH_APPLICATION (app));
}

static void
nh_application_startup (GApplication *app)
{
  NhApplication *self = NH_APPLICATION (app);

  g_application_set_resource_base_path (app, RESOURCE_BASE_PATH);

  G_APPLICATION_CLASS (nh_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  g_set_application_name (_("NEMO Handbook"));

  self->settings = g_settings_new (SCHEMA_ID);
  _nh_application_actions_init (self);
  nh_reminders_start (self);

  /* --language wins for this run; otherwise the saved preference. */
  if (self->language == NULL)
    self->language = g_settings_get_string (self->settings, "language");
  g_signal_connect_object (self->settings, "changed::language",
                           G_CALLBACK (language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::edition",
                           G_CALLBACK (edition_setting_changed_cb), self, G_CONNECT_SWAPPED);

  /* Started by GNOME Shell for a search (--gapplication-service): stay a
   * while for the next keystrokes, then quit. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 20000);
}

static void
nh_application_shutdown (GApplication *app)
{
  NhApplication *self = NH_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  /* Quitting right after typing loses nothing. */
  if (self->family != NULL && !nh_family_flush (self->family, &error))
    g_warning ("Could not save the emergency card: %s", error->message);

  G_APPLICATION_CLASS (nh_application_parent_class)->shutdown (app);
}

/* The GNOME Shell search provider lives on the app's own name. */
static gboolean
nh_application_dbus_register (GApplication     *app,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  NhApplication *self = NH_APPLICATION (app);

  if (!G_APPLICATION_CLASS (nh_application_parent_class)->dbus_register (app, connection,
                                                                         object_path, error))
    return FALSE;

  self->search_provider = nh_search_provider_new (app);
  return nh_search_provider_register (self->search_provider, connection,
                                      NH_SEARCH_PROVIDER_PATH, error);
}

static void
nh_application_dbus_unregister (GApplication    *app,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  NhApplication *self = NH_APPLICATION (app);

  if (self->search_provider != NULL)
    nh_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (nh_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
nh_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NhApplication *self = NH_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      g_value_set_object (value, self->edition);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_application_finalize (GObject *object)
{
  NhApplication *self = (NhApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->edition);
  g_clear_error (&self->edition_error);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->family);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->store);
  g_clear_object (&self->edition_library);
  g_clear_pointer (&self->edition_id, g_free);
  g_clear_pointer (&self->edition_fallback, g_free);

  G_OBJECT_CLASS (nh_application_parent_class)->finalize (object);
}

static void
nh_application_class_init (NhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nh_application_finalize;
  object_class->get_property = nh_application_get_property;

  properties[PROP_EDITION] =
    g_param_spec_object ("edition", NULL, NULL,
                         NH_TYPE_EDITION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->activate = nh_application_activate;
  app_class->startup = nh_application_startup;
  app_class->shutdown = nh_application_shutdown;
  app_class->command_line = nh_application_command_line;
  app_class->handle_local_options = nh_application_handle_local_options;
  app_class->dbus_register = nh_application_dbus_register;
  app_class->dbus_unregister = nh_application_dbus_unregister;
}

static void
nh_application_init (NhApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A handbook for families living with NEMO deficiency."));
}

NhApplication *
nh_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (NH_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

/* Returns: (transfer none) */
GSettings *
nh_application_get_settings (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* Returns: (transfer none) (nullable): the edition, or NULL when it could not
 * be loaded (the window then shows why) */
NhEdition *
nh_application_get_edition (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return ensure_edition (self, NULL);
}

/* Presents the existing window, or makes one. Returns: (transfer none) */
GtkWindow *
nh_application_open_window (NhApplication *self)
{
  GtkWindow *window;

  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      const GError *error = NULL;

      ensure_edition (self, &error);
      window = GTK_WINDOW (nh_window_new (self, self->edition, error));
    }

  gtk_window_present (window);

  return window;
}

/* Returns: (transfer none): where the user's files live */
NhStore *
nh_application_get_store (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    self->store = nh_store_new_default ();

  return self->store;
}

/**
 * nh_application_get_checklist_state:
 *
 * Loads the checklist state on first use. A damaged file is moved aside
 * (see nh_application_steal_checklist_backup()); this fails only when even
 * that is impossible.
 *
 * Returns: (transfer none) (nullable)
 */
NhChecklistState *
nh_application_get_checklist_state (NhApplication  *self,
                                    GError        **error)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return nh_child_get_checklist_state (nh_application_get_child (self), error);
}

/* Returns: (transfer full) (nullable): the path an unreadable checklist file
 * was moved to, once, so the user can be told */
char *
nh_application_steal_checklist_backup (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return nh_child_steal_checklist_backup (nh_application_get_child (self));
}

/**
 * nh_application_get_card:
 *
 * The card of the child in view, loaded on first use, with the diagnosis
 * from the edition if the family never set it. A saved card that cannot be
 * read is moved aside and the card starts empty; nh_card_get_load_error()
 * says so.
 *
 * Returns: (transfer none): the card, saved as it changes
 */
NhCard *
nh_application_get_card (NhApplication *self)
{
  NhEdition *edition;
  NhCard *card;

  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  card = nh_child_get_card (nh_application_get_child (self));
  if ((edition = ensure_edition (self, NULL)) != NULL)
    nh_card_prefill (card, edition);

  return card;
}

/**
 * nh_application_get_family:
 *
 * The family's children and their data, loaded on first use. A damaged
 * family file is moved aside and the family rebuilt from the children's
 * folders; when even that fails, the family is the one child of the top
 * folder, unsaved.
 *
 * Returns: (transfer none)
 */
NhFamily *
nh_application_get_family (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  if (self->family == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *backup = NULL;

      self->family = nh_family_load (nh_application_get_store (self), &backup, &error);
      if (self->family == NULL)
        {
          g_warning ("Could not read the family file: %s", error->message);
          self->family = nh_family_new (nh_application_get_store (self));
        }
      if (backup != NULL)
        g_message ("The family file could not be read; it was kept as %s", backup);
    }

  return self->family;
}

/**
 * nh_application_reload_family:
 *
 * Reads the family again from the store, after a restore changed it there.
 * Whatever waited to be saved is saved first.
 */
void
nh_application_reload_family (NhApplication *self)
{
  g_return_if_fail (NH_IS_APPLICATION (self));

  if (self->family != NULL)
    nh_family_flush (self->family, NULL);
  g_clear_object (&self->family);
}

/* Returns: (transfer none): the child in view */
NhChild *
nh_application_get_child (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return nh_family_get_current (nh_application_get_family (self));
}

/**
 * nh_application_set_language:
 * @language: a language code, or "" to follow the system
 *
 * Shows the handbook, checklist and card in another language at once:
 * the edition is reloaded and windows follow the "edition" property.
 */
void
nh_application_set_language (NhApplication *self,
                             const char    *language)
{
  g_return_if_fail (NH_IS_APPLICATION (self));
  g_return_if_fail (language != NULL);

  if (g_strcmp0 (self->language, language) == 0 && self->edition != NULL)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  reload_edition (self);
}

/* Returns: (transfer full): the language the handbook is shown in */
char *
nh_application_dup_language (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return nh_catalog_resolve_language (self->language);
}

/* Returns: (transfer none): the editions installed next to the built-in one */
NhEditionLibrary *
nh_application_get_edition_library (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  if (self->edition_library == NULL)
    self->edition_library = nh_edition_library_new_default ();

  return self->edition_library;
}

/* Returns: the id of the edition shown, NH_EDITION_LIBRARY_BUILTIN for the
 * built-in one */
const char *
nh_application_get_edition_id (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  ensure_edition (self, NULL);

  return self->edition_id;
}

/**
 * nh_application_use_edition:
 * @id: an installed edition's id, or NH_EDITION_LIBRARY_BUILTIN
 *
 * Shows another edition at once, and remembers it. One that cannot be
 * loaded leaves the built-in edition shown, with a message for the window
 * (nh_application_steal_edition_fallback()).
 */
void
nh_application_use_edition (NhApplication *self,
                            const char    *id)
{
  g_return_if_fail (NH_IS_APPLICATION (self));
  g_return_if_fail (id != NULL);

  /* Shown at once, not when the setting's change notification comes. */
  if (self->settings != NULL)
    {
      g_signal_handlers_block_by_func (self->settings, edition_setting_changed_cb, self);
      g_settings_set_string (self->settings, "edition", id);
      g_signal_handlers_unblock_by_func (self->settings, edition_setting_changed_cb, self);
    }

  if (self->edition_id == NULL || !g_str_equal (id, self->edition_id))
    reload_edition (self);
}

/* Removes an installed edition; the built-in one is shown if it was this. */
gboolean
nh_application_remove_edition (NhApplication  *self,
                               const char     *id,
                               GError        **error)
{
  NhEditionLibrary *library;

  g_return_val_if_fail (NH_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  library = nh_application_get_edition_library (self);

  if (nh_edition_library_is_builtin_id (library, id))
    return nh_edition_library_remove (library, id, error);

  if (g_strcmp0 (nh_application_get_edition_id (self), id) == 0)
    nh_application_use_edition (self, NH_EDITION_LIBRARY_BUILTIN);

  return nh_edition_library_remove (library, id, error);
}

/* Returns: (transfer full) (nullable): why the chosen edition could not be
 * shown, once, so that the window can say it */
char *
nh_application_steal_edition_fallback (NhApplication *self)
{
  g_return_val_if_fail (NH_IS_APPLICATION (self), NULL);

  return g_steal_pointer (&self->edition_fallback);
}

/* Shows what an edition file is, over the window, before it is installed. */
void
nh_application_open_edition_file (NhApplication *self,
                                  GFile         *file)
{
  GtkWindow *window;
  NhEditionDialog *dialog;

  g_return_if_fail (NH_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = nh_application_open_window (self);
  dialog = nh_edition_dialog_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), window);
  nh_edition_dialog_load_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
}
