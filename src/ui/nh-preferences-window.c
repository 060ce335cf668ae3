/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-preferences-window.c: preferences: the language of the handbook */

#include "config.h"

#include <glib/gi18n.h>

#include "model/nh-catalog.h"
#include "nh-preferences-window.h"

struct _NhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GStrv                 languages;   /* codes, "" first for the system's */

  AdwComboRow          *language_row;
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, language))
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

static void
nh_preferences_window_finalize (GObject *object)
{
  NhPreferencesWindow *self = (NhPreferencesWindow *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->languages, g_strfreev);

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
}

static void
nh_preferences_window_init (NhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  return self;
}
