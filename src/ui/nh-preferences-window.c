/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-preferences-window.c: preferences: the language and the edition of the handbook */

#include "config.h"

#include <glib/gi18n.h>

#include "model/nh-catalog.h"
#include "nh-accessible.h"
#include "nh-preferences-window.h"

struct _NhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GStrv                 languages;   /* codes, "" first for the system's */
  NhApplication        *application;
  GPtrArray            *edition_rows; /* AdwActionRow, each with its "edition-id" */
  char                 *rows_language; /* of the built-in edition's row */
  gboolean              syncing;

  AdwComboRow          *language_row;
  AdwPreferencesGroup  *editions_group;
};

G_DEFINE_FINAL_TYPE (NhPreferencesWindow, nh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Each language in its own words, as people look for it. */
const char *
nh_language_get_native_name (const char *language)
{
  static const struct {
    const char *code;
    const char *name;
  } names[] = {
    { "en", "English" },
    { "de", "Deutsch" },
    { "fr", "Français" },
    { "es", "Español" },
    { "ar", "العربية" },
    /* Languages support groups translate into: by their own name, not
     * by their code. */
    { "pt", "Português" }, { "pt-BR", "Português (Brasil)" }, { "pt-PT", "Português (Portugal)" },
    { "it", "Italiano" }, { "nl", "Nederlands" }, { "pl", "Polski" }, { "tr", "Türkçe" },
    { "ru", "Русский" }, { "uk", "Українська" }, { "ro", "Română" }, { "el", "Ελληνικά" },
    { "sv", "Svenska" }, { "da", "Dansk" }, { "nb", "Norsk bokmål" }, { "nn", "Norsk nynorsk" },
    { "no", "Norsk" }, { "fi", "Suomi" }, { "cs", "Čeština" }, { "sk", "Slovenčina" },
    { "hu", "Magyar" }, { "hr", "Hrvatski" }, { "sr", "Српски" }, { "sl", "Slovenščina" },
    { "bg", "Български" }, { "mk", "Македонски" }, { "bs", "Bosanski" }, { "sq", "Shqip" },
    { "et", "Eesti" }, { "lv", "Latviešu" }, { "lt", "Lietuvių" }, { "is", "Íslenska" },
    { "ga", "Gaeilge" }, { "cy", "Cymraeg" }, { "mt", "Malti" }, { "ca", "Català" },
    { "eu", "Euskara" }, { "gl", "Galego" }, { "he", "עברית" }, { "fa", "فارسی" },
    { "ur", "اردو" }, { "ku", "Kurdî" }, { "hi", "हिन्दी" }, { "bn", "বাংলা" },
    { "ta", "தமிழ்" }, { "zh", "中文" }, { "zh-CN", "中文（简体）" }, { "zh-TW", "中文（繁體）" },
    { "ja", "日本語" }, { "ko", "한국어" }, { "vi", "Tiếng Việt" }, { "th", "ไทย" },
    { "id", "Bahasa Indonesia" }, { "ms", "Bahasa Melayu" }, { "fil", "Filipino" },
    { "sw", "Kiswahili" }, { "am", "አማርኛ" }, { "so", "Soomaali" }, { "ha", "Hausa" },
    { "yo", "Yorùbá" }, { "zu", "isiZulu" }, { "af", "Afrikaans" },
    { "es-419", "Español (Latinoamérica)" }, { "fr-CA", "Français (Canada)" },
    { "en-US", "English (US)" }, { "en-GB", "English (UK)" },
  };
  g_autofree char *code = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  /* "pt_BR" is written "pt-BR" in editions. */
  code = g_strdelimit (g_strdup (language), "_", '-');
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (names[i].code, code) == 0)
      return names[i].name;

  /* A region we have no name for: the language's name. */
  base = g_strndup (code, strcspn (code, "-"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, base))
      return names[i].name;

  return language;
}

static void
language_selected_cb (NhPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected < g_strv_length (self->languages))
    g_settings_set_string (self->settings, "language", self->languages[selected]);
}

static gboolean
is_current_edition (NhPreferencesWindow *self,
                    const char          *id)
{
  NhEditionLibrary *library = nh_application_get_edition_library (self->application);
  const char *current = nh_application_get_edition_id (self->application);

  if (nh_edition_library_is_builtin_id (library, id))
    return nh_edition_library_is_builtin_id (library, current);

  return g_str_equal (id, current);
}

/* The ticked edition follows the one shown, however it was chosen. */
static void
sync_edition_checks (NhPreferencesWindow *self)
{
  self->syncing = TRUE;

  for (guint i = 0; i < self->edition_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->edition_rows, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (row);
      const char *id = g_object_get_data (G_OBJECT (row), "edition-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_current_edition (self, id));
    }

  self->syncing = FALSE;
}

static void
edition_toggled_cb (NhPreferencesWindow *self,
                    GtkCheckButton      *check)
{
  AdwActionRow *row;

  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW));
  nh_application_use_edition (self->application, g_object_get_data (G_OBJECT (row), "edition-id"));
  /* One that cannot be opened leaves the built-in one ticked. */
  sync_edition_checks (self);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NhPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "edition-id");
  const char *title = g_object_get_data (G_OBJECT (dialog), "edition-title");
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  /* Toast titles are markup. */
  if (!nh_application_remove_edition (self->application, id, &error))
    escaped = g_markup_escape_text (error->message, -1);
  else
    {
      g_autofree char *title_escaped = g_markup_escape_text (title, -1);

      /* Translators: %s is the title of an edition */
      message = g_strdup_printf (_("“%s” was removed"), title_escaped);
    }

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (message ? message : escaped));
}

static void
remove_clicked_cb (NhPreferencesWindow *self,
                   GtkButton           *button)
{
  AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW));
  const char *id = g_object_get_data (G_OBJECT (row), "edition-id");
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the title of an edition */
  heading = g_strdup_printf (_("Remove “%s”?"), title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   is_current_edition (self, id)
                                   ? _("This edition is removed from this computer and the built-in "
                                       "handbook is shown instead. To use the edition again, open the "
                                       "file the group sent you once more.")
                                   : _("This edition is removed from this computer. To use it again, "
                                       "open the file the group sent you once more."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "edition-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "edition-title", g_strdup (title), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A row per edition: tick one to use it; installed ones can be removed. */
static GtkWidget *
edition_row (NhPreferencesWindow *self,
             const NhEditionInfo *info,
             GtkCheckButton      *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* Edition text is plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  if (info->problem != NULL)
    {
      /* Translators: %s says what is wrong with an installed edition's file */
      g_autofree char *subtitle = g_strdup_printf (_("Cannot be opened: %s"), info->problem);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_sensitive (check, FALSE);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), info->stamp);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  g_object_set_data_full (G_OBJECT (row), "edition-id", g_strdup (info->id), g_free);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (edition_toggled_cb), self, G_CONNECT_SWAPPED);

  if (!info->builtin)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this edition"),
                                      -1);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }

  return row;
}

static void
rebuild_editions (NhPreferencesWindow *self)
{
  g_autofree char *language = nh_application_dup_language (self->application);
  g_autoptr(NhCatalog) catalog = nh_catalog_new (language);
  g_autoptr(GPtrArray) infos = NULL;
  GtkCheckButton *group = NULL;

  g_free (self->rows_language);
  self->rows_language = g_strdup (language);

  for (guint i = 0; i < self->edition_rows->len; i++)
    adw_preferences_group_remove (self->editions_group, g_ptr_array_index (self->edition_rows, i));
  g_ptr_array_set_size (self->edition_rows, 0);

  infos = nh_edition_library_list (nh_application_get_edition_library (self->application), catalog);

  for (guint i = 0; i < infos->len; i++)
    {
      GtkWidget *row = edition_row (self, g_ptr_array_index (infos, i), group);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
      adw_preferences_group_add (self->editions_group, row);
      g_ptr_array_add (self->edition_rows, row);
    }

  sync_edition_checks (self);
}

/* The file chooser and the edition's preview come over the main window,
 * which shows the edition once it is installed. (This window belongs to no
 * application, so it cannot use app.open-edition as an action name.) */
static void
open_edition_clicked_cb (NhPreferencesWindow *self)
{
  g_autoptr(NhApplication) application = g_object_ref (self->application);

  gtk_window_close (GTK_WINDOW (self));
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-edition", NULL);
}

/* Rows are remade only when the built-in one's language changed, so
 * that ticking one keeps the focus where it is. */
static void
edition_changed_cb (NhPreferencesWindow *self)
{
  g_autofree char *language = nh_application_dup_language (self->application);

  if (g_strcmp0 (language, self->rows_language) != 0)
    rebuild_editions (self);
  else
    sync_edition_checks (self);
}

static void
nh_preferences_window_finalize (GObject *object)
{
  NhPreferencesWindow *self = (NhPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_object (&self->application);
  g_clear_pointer (&self->edition_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows_language, g_free);

  G_OBJECT_CLASS (nh_preferences_window_parent_class)->finalize (object);
}

static void
nh_preferences_window_class_init (NhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nh_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NhPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, NhPreferencesWindow, editions_group);
  gtk_widget_class_bind_template_callback (widget_class, open_edition_clicked_cb);
}

/* AdwPreferencesWindow keeps a search entry with no name even with search
 * off, and screen readers list it anyway. */
static void
name_search_entries (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Preferences"), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_search_entries (child);
}

static void
nh_preferences_window_init (NhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));
  name_search_entries (GTK_WIDGET (self));

  self->edition_rows = g_ptr_array_new ();
}

NhPreferencesWindow *
nh_preferences_window_new (NhApplication *application)
{
  NhPreferencesWindow *self;
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_auto(GStrv) available = nh_catalog_list_languages ();
  g_autofree char *current = NULL;
  g_autofree char *system = nh_catalog_resolve_language ("");
  g_autofree char *system_label = NULL;
  guint selected = 0;

  g_return_val_if_fail (NH_IS_APPLICATION (application), NULL);

  self = g_object_new (NH_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (nh_application_get_settings (application));
  current = g_settings_get_string (self->settings, "language");

  /* Translators: the first choice of language; %s is the language it means now */
  system_label = g_strdup_printf (_("System default (%s)"), nh_language_get_native_name (system));
  g_strv_builder_add (codes, "");
  gtk_string_list_append (names, system_label);

  for (guint i = 0; available[i]; i++)
    {
      if (g_str_equal (available[i], current))
        selected = i + 1;
      g_strv_builder_add (codes, available[i]);
      gtk_string_list_append (names, nh_language_get_native_name (available[i]));
    }

  self->languages = g_strv_builder_end (codes);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);

  self->application = g_object_ref (application);
  rebuild_editions (self);
  g_signal_connect_object (nh_application_get_edition_library (application), "changed",
                           G_CALLBACK (rebuild_editions), self, G_CONNECT_SWAPPED);
  /* The built-in edition's stamp is in the handbook's language. */
  g_signal_connect_object (application, "notify::edition",
                           G_CALLBACK (edition_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
