/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-application-actions.c: app.* actions: text size, editions, help, about, quit */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-application-private.h"
#include "ui/nh-preferences-window.h"

#define NH_HELP_INSTALL_COMMAND "sudo apt install yelp"
#define NH_HELP_WEB_URI "https://github.com/nemohandbook/nemo-handbook/tree/main/help/C"

static void
change_text_scale (NhApplication *self,
                   double         delta)
{
  double scale = g_settings_get_double (self->settings, "text-scale");

  if (delta == 0)
    scale = 1.0;
  else
    scale = CLAMP (scale + delta, NH_TEXT_SCALE_MIN, NH_TEXT_SCALE_MAX);

  /* Keep whole steps so 1.0 is reachable again by steps. */
  scale = ((int)(scale * 10 + 0.5)) / 10.0;
  g_settings_set_double (self->settings, "text-scale", scale);
}

static void
text_bigger_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  change_text_scale (NH_APPLICATION (user_data), NH_TEXT_SCALE_STEP);
}

static void
text_smaller_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  change_text_scale (NH_APPLICATION (user_data), -NH_TEXT_SCALE_STEP);
}

static void
text_reset_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  change_text_scale (NH_APPLICATION (user_data), 0);
}

static void
update_text_scale_actions (NhApplication *self)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "text-bigger");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), scale < NH_TEXT_SCALE_MAX - 0.001);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "text-smaller");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), scale > NH_TEXT_SCALE_MIN + 0.001);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  NhApplication *self = NH_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  NhEdition *edition = nh_application_get_edition (self);
  AdwAboutWindow *about;
  g_autofree char *edition_text = NULL;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  adw_about_window_set_application_name (about, _("NEMO Handbook"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("NEMO Handbook contributors"));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/nemohandbook/nemo-handbook");
  adw_about_window_set_comments (about,
                                 _("A handbook, an “infection suspected” checklist and an "
                                   "emergency card for families living with NEMO deficiency. "
                                   "It works offline; what you type stays on this computer."));
  /* Translators: put your name here, one per line, e.g. "Jane Doe <jane@example.org>" */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (edition != NULL)
    {
      const char *note = nh_edition_get_translation_note (edition);

      edition_text = g_strdup_printf (_("%s\n\nEdition %s, last reviewed %s.\n\n%s%s%s"),
                                      nh_edition_get_source_credit (edition),
                                      nh_edition_get_version (edition),
                                      nh_edition_get_last_reviewed (edition),
                                      nh_edition_get_disclaimer (edition),
                                      note ? "\n\n" : "", note ? note : "");
      g_autofree char *escaped = g_markup_escape_text (edition_text, -1);

      /* Legal text is markup; the edition's text is plain. */
      adw_about_window_add_legal_section (about, _("Medical information"), NULL,
                                          GTK_LICENSE_CUSTOM, escaped);
    }

  gtk_window_present (GTK_WINDOW (about));
}

/* The help is Mallard, read by Yelp; without Yelp, "help:" URIs open nothing
 * at all, so say what to install, and where the same pages can be read. */
static void
help_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  NhApplication *self = NH_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *yelp = g_find_program_in_path ("yelp");
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *command;
  GtkWidget *online;
  GtkWidget *link;

  if (yelp != NULL)
    {
      gtk_show_uri (window, "help:nemo-handbook", GDK_CURRENT_TIME);
      return;
    }

  dialog = adw_message_dialog_new (window, _("The Help Viewer Is Not Installed"),
                                   _("The help opens in Help, the GNOME help viewer, "
                                     "which is not on this computer. To install it, "
                                     "open Terminal, type this command, press Enter "
                                     "and give your password:"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  command = gtk_label_new (NH_HELP_INSTALL_COMMAND);
  gtk_label_set_selectable (GTK_LABEL (command), TRUE);
  gtk_widget_add_css_class (command, "monospace");
  gtk_widget_add_css_class (command, "title-4");
  gtk_box_append (GTK_BOX (box), command);

  online = gtk_label_new (_("Until then, the same help pages can be read on the "
                            "project’s website, in the folder “help”."));
  gtk_label_set_wrap (GTK_LABEL (online), TRUE);
  gtk_label_set_justify (GTK_LABEL (online), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), online);

  link = gtk_link_button_new_with_label (NH_HELP_WEB_URI, _("Help on the Website"));
  gtk_widget_set_halign (link, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), link);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  NhApplication *self = NH_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  NhPreferencesWindow *preferences = nh_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
open_edition_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          NhApplication   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    nh_application_open_edition_file (self, file);

  g_object_unref (chooser);
}

/* Groups send their edition as FILE.nemo-edition.json or FILE.nhedition;
 * the template writes plain .json, so that is offered too. */
static void
open_edition_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  NhApplication *self = NH_APPLICATION (user_data);
  GtkWindow *window = nh_application_open_window (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Handbook editions"));
  gtk_file_filter_add_mime_type (filter, "application/x-nemo-handbook-edition");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_pattern (filter, "*.nemo-edition.json");
  gtk_file_filter_add_pattern (filter, "*.nhedition");
  gtk_file_filter_add_pattern (filter, "*.json");

  chooser = gtk_file_chooser_native_new (_("Open Edition"), window,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_edition_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *param,
         gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close windows so they save their state, then quit. */
  for (GList *l = windows; l; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static const GActionEntry app_entries[] = {
  { "text-bigger", text_bigger_cb },
  { "text-smaller", text_smaller_cb },
  { "text-reset", text_reset_cb },
  { "help", help_cb },
  { "about", about_cb },
  { "preferences", preferences_cb },
  { "open-edition", open_edition_cb },
  { "quit", quit_cb },
};

static const struct {
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.text-bigger", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "app.text-smaller", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "app.text-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.open-edition", { "<Control>o", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.show-checklist", { "<Control>i", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.add-bookmark", { "<Control>d", NULL } },
  { "win.read-aloud", { "<Control>r", NULL } },
  { "win.go-back", { "<Alt>Left", "Back", NULL } },
  { "win.go-forward", { "<Alt>Right", "Forward", NULL } },
  { "win.previous-section", { "<Control>Page_Up", NULL } },
  { "win.next-section", { "<Control>Page_Down", NULL } },
};

void
_nh_application_actions_init (NhApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);

  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (update_text_scale_actions), self,
                           G_CONNECT_SWAPPED);
  update_text_scale_actions (self);
}
