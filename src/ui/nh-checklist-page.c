/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-page.c: the "infection suspected" checklist on screen
 *
 * Big tick boxes; ticking records the local time, unticking removes it,
 * nothing is asked. Every change is saved at once through the state. The
 * same page shows a past episode read-only.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-accessible.h"
#include "nh-application.h"
#include "nh-checklist-page.h"
#include "nh-episodes-window.h"
#include "nh-phone.h"
#include "nh-print.h"
#include "model/nh-date-words.h"
#include "nh-application.h"
#include "nh-save-banner.h"
#include "nh-toast.h"

#define NOTES_SAVE_DELAY_MS 400
/* Up and Down in the time of a reading move it by this much. */
#define TIME_STEP_MINUTES   5

struct _NhChecklistPage
{
  AdwBin            parent_instance;

  NhEdition        *edition;
  NhChecklistState *state;
  NhEpisode        *episode;
  NhEpisode        *undo_episode;   /* archived by "New Episode", for Undo */
  AdwToast         *undo_toast;     /* while it shows, Ctrl+Z undoes too */
  GStrv             contacts;
  GHashTable       *checks;         /* item id -> GtkCheckButton */
  GHashTable       *item_rows;      /* item id -> AdwActionRow */
  GPtrArray        *reading_rows;
  GPtrArray        *contact_rows;
  guint             notes_timeout;
  gboolean          read_only;
  gboolean          updating;
  NhSaveBanner     *save_banner;    /* above the page, when saving fails */
  char             *state_unsaved;  /* why the checklist was not saved, or NULL */
  char             *clinic_unsaved; /* why the clinic settings were not saved */

  GtkLabel         *title_label;
  GtkLabel         *episode_label;
  GtkWidget        *buttons_box;
  GtkWidget        *clinic_box;
  GtkLabel         *clinic_label;
  AdwPreferencesGroup *contacts_group;
  GtkLabel         *intro_label;
  GtkBox           *tiers_box;
  AdwPreferencesGroup *readings_group;
  AdwEntryRow      *reading_entry;
  AdwEntryRow      *reading_time_entry;
  gboolean          time_typed;     /* else the time field follows the clock */
  gboolean          setting_time;
  guint             clock_timeout;
  GtkWidget        *history_group;
  AdwExpanderRow   *history_row;
  GPtrArray        *history_rows;
  GtkWidget        *notes_group;
  GtkTextView      *notes_view;
  GtkWidget        *clinic_group;
  AdwEntryRow      *clinic_text_entry;
  AdwEntryRow      *clinic_phone_entry;
  AdwEntryRow      *clinic_name_entry;
  NhClinic         *clinic;
  NhStore          *store;
};

G_DEFINE_FINAL_TYPE (NhChecklistPage, nh_checklist_page, ADW_TYPE_BIN)

static void update_from_episode (NhChecklistPage *self);
static void set_episode         (NhChecklistPage *self,
                                 NhEpisode       *episode);

static void
toast (NhChecklistPage *self,
       const char      *message)
{
  nh_toast_show_message (GTK_WIDGET (self), message);
}

/* One banner for the checklist and the clinic settings: it says what is
 * not saved, and goes when both are. */
static void
update_save_banner (NhChecklistPage *self)
{
  if (self->state_unsaved != NULL && self->clinic_unsaved != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s\n%s", self->state_unsaved, self->clinic_unsaved);

      nh_save_banner_show (self->save_banner, both);
    }
  else if (self->state_unsaved != NULL || self->clinic_unsaved != NULL)
    nh_save_banner_show (self->save_banner, self->state_unsaved ? self->state_unsaved : self->clinic_unsaved);
  else
    nh_save_banner_hide (self->save_banner);
}

/* On failure everything stays on screen and in memory; the banner says so
 * until a save works (at the next change, or with Retry). */
static void
save (NhChecklistPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->state_unsaved, g_free);
  if (!nh_checklist_state_save (self->state, &error))
    {
      /* Translators: %s says what failed and where, e.g. "Could not save
       * “/home/sam/.local/share/…/checklist.json”: the disk is full" */
      self->state_unsaved = g_strdup_printf (_("%s. What you ticked and typed in the checklist "
                                               "is kept while the app is open; it is saved at "
                                               "your next change, or with Retry."),
                                             error->message);
    }
  update_save_banner (self);
}

static void
state_changed_cb (NhChecklistPage *self)
{
  NhEpisode *current = nh_checklist_state_get_current (self->state);

  save (self);

  /* A past episode was reopened from Past Episodes. */
  if (!self->read_only && current != self->episode)
    {
      g_clear_object (&self->undo_episode);
      set_episode (self, current);
    }
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (user_data);
  const char *phone = g_object_get_data (G_OBJECT (button), "phone");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), phone);
  toast (self, _("Phone number copied"));
}

static void
call_clicked_cb (GtkWidget       *button,
                 NhChecklistPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");

  /* GNOME Calls (or the shell's dialler) takes tel: links. */
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

/* The number is what a parent looks for at night: it is the big line of
 * the row, under whose number it is. On a phone it is a call button. */
static void
add_contact_row (NhChecklistPage *self,
                 const char      *label,
                 const char      *phone)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *isolated = NULL;
  g_autofree char *uri = nh_phone_dup_tel_uri (phone);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  isolated = nh_text_isolate_ltr (phone);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), isolated);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "nh-phone-row");

  if (uri != NULL && nh_phone_shell_detected ())
    {
      GtkWidget *call = gtk_button_new_from_icon_name ("call-start-symbolic");
      g_autofree char *call_label = g_strdup_printf (_("Call %s"), label);

      gtk_widget_set_valign (call, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (call, "suggested-action");
      gtk_widget_add_css_class (call, "circular");
      gtk_widget_add_css_class (call, "nh-call-button");
      gtk_widget_set_tooltip_text (call, _("Call"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (call),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, call_label, -1);
      g_object_set_data_full (G_OBJECT (call), "uri", g_steal_pointer (&uri), g_free);
      g_signal_connect (call, "clicked", G_CALLBACK (call_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), call);
    }
  else
    {
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *copy_label = g_strdup_printf (_("Copy the phone number of %s"), label);

      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_tooltip_text (copy, _("Copy phone number"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
      g_object_set_data_full (G_OBJECT (copy), "phone", g_strdup (phone), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
    }

  adw_preferences_group_add (self->contacts_group, row);
  g_ptr_array_add (self->contact_rows, row);
}

/* The support group's helpline, emergency number and centre, from the
 * edition, after the family's own numbers; each with its note. */
static void
add_group_contact_rows (NhChecklistPage *self)
{
  for (guint i = 0; i < nh_edition_get_n_contacts (self->edition); i++)
    {
      const NhEditionContact *contact = nh_edition_get_contact (self->edition, i);
      GtkWidget *row;

      if (contact->phone == NULL || g_strcmp0 (contact->kind, "other") == 0)
        continue;

      add_contact_row (self, contact->name, contact->phone);
      row = g_ptr_array_index (self->contact_rows, self->contact_rows->len - 1);
      if (contact->note != NULL)
        {
          g_autofree char *isolated = nh_text_isolate_ltr (contact->phone);
          /* Translators: a support group's contact under Call Now: the
           * phone number, then "Note: Mon–Fri 9–17" */
          g_autofree char *subtitle = g_strdup_printf (_("%s\nNote: %s"), isolated, contact->note);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
    }
}

static void
update_contacts (NhChecklistPage *self)
{
  const char *clinic_phone = nh_clinic_get_phone (self->clinic);

  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (self->contacts_group, g_ptr_array_index (self->contact_rows, i));
  g_ptr_array_set_size (self->contact_rows, 0);

  if (*clinic_phone)
    add_contact_row (self, *nh_clinic_get_name (self->clinic) ? nh_clinic_get_name (self->clinic) : _("Clinic"),
                     clinic_phone);

  for (guint i = 0; self->contacts && self->contacts[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (self->contacts[i], "\t", 2);

      if (parts[1] != NULL && *parts[1])
        add_contact_row (self, parts[0], parts[1]);
    }

  if (self->contact_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Open _Card"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No phone numbers yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add your immunology team's number to the emergency card and it shows here."));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-card-editor");
      nh_accessible_fix_mnemonic_names (button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->contacts_group, row);
      g_ptr_array_add (self->contact_rows, row);
    }

  add_group_contact_rows (self);

  gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), !self->read_only);
}

/* The clinic's instruction in the handbook's language, or in the
 * clinic's first language, saying which. */
static void
update_clinic (NhChecklistPage *self)
{
  const char *language = nh_edition_get_language (self->edition);
  const char *written_in = NULL;
  const char *text = nh_clinic_lookup_instruction (self->clinic, language, &written_in);
  g_autofree char *shown = NULL;

  if (text != NULL && written_in != NULL && !g_str_equal (written_in, language))
    /* Translators: the clinic's instruction in another language: "In English: Call us first." */
    shown = g_strdup_printf (_("In %s: %s"), nh_clinic_language_name (written_in), text);

  gtk_label_set_text (self->clinic_label, shown ? shown : text ? text : "");
  gtk_widget_set_visible (self->clinic_box, text != NULL);
}

/* The For Clinics rows show what is set, in the handbook's language. */
static void
update_clinic_rows (NhChecklistPage *self)
{
  const char *language = nh_edition_get_language (self->edition);
  const char *written_in = NULL;
  const char *text = nh_clinic_lookup_instruction (self->clinic, language, &written_in);

  gtk_editable_set_text (GTK_EDITABLE (self->clinic_name_entry), nh_clinic_get_name (self->clinic));
  gtk_editable_set_text (GTK_EDITABLE (self->clinic_text_entry),
                         text && g_strcmp0 (written_in, language) == 0 ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->clinic_phone_entry), nh_clinic_get_phone (self->clinic));
}

/* As the checklist: on failure what was typed stays in the rows and in
 * memory, and the banner says so until Apply or Retry saves it. */
static void
save_clinic (NhChecklistPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->clinic_unsaved, g_free);
  if (self->store != NULL && !nh_clinic_save (self->clinic, self->store, &error))
    {
      /* Translators: %s says what failed and where, e.g. "Could not save
       * “/home/sam/.local/share/…/clinic.json”: the disk is full" */
      self->clinic_unsaved = g_strdup_printf (_("%s. The clinic settings you typed are kept while "
                                                "the app is open; they are saved when you apply "
                                                "them again, or with Retry."),
                                              error->message);
    }
  update_save_banner (self);

  update_clinic (self);
  update_contacts (self);
}

/* Retry saves again what was not saved. */
static void
retry_save_cb (NhChecklistPage *self)
{
  if (self->clinic_unsaved != NULL)
    save_clinic (self);
  save (self);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NhChecklistPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhClinic) clinic = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL)
    return;

  if (!(clinic = nh_clinic_new_from_file (file, &error)))
    {
      g_autofree char *name = g_file_get_basename (file);
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                 _("Clinic File Not Imported"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (alert),
                                      _("“%s” is not a clinic file that can be used. What is set now is kept.\n\n%s"),
                                      name, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      return;
    }

  g_set_object (&self->clinic, clinic);
  update_clinic_rows (self);
  save_clinic (self);
  toast (self, _("Clinic settings imported"));
}

static void
import_clinic_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Clinic File"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Clinic files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NhChecklistPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file == NULL)
    return;

  bytes = nh_clinic_to_bytes (self->clinic);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      toast (self, message);
      return;
    }

  toast (self, _("Clinic file saved"));
}

static void
export_clinic_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Clinic File"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "clinic.nemo-clinic.json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
item_toggled_cb (GtkCheckButton  *check,
                 NhChecklistPage *self)
{
  const char *item_id = g_object_get_data (G_OBJECT (check), "item-id");
  g_autoptr(GDateTime) now = NULL;

  if (self->updating || self->read_only)
    return;

  if (gtk_check_button_get_active (check))
    now = g_date_time_new_now_local ();

  nh_episode_set_tick (self->episode, item_id, now);
}

/* Advice in a tier ("Do not wait to see if it gets better by itself") is
 * a callout between the steps, not a box to tick. */
static GtkWidget *
advice_callout (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (box, "nh-callout");
  gtk_widget_add_css_class (box, "nh-advice");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Advice"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "nh-body");
  gtk_widget_add_css_class (label, "nh-advice-text");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
populate_tiers (NhChecklistPage *self)
{
  guint n = nh_edition_get_n_checklist_tiers (self->edition);

  for (guint t = 0; t < n; t++)
    {
      NhChecklistTier *tier = nh_edition_get_checklist_tier (self->edition, t);
      GtkWidget *tier_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *group = NULL;
      g_autofree char *title = g_strdup_printf ("%u · %s", t + 1, nh_checklist_tier_get_title (tier));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      gboolean titled = FALSE;

      for (guint i = 0; i < nh_checklist_tier_get_n_items (tier); i++)
        {
          const char *id = nh_checklist_tier_get_item_id (tier, i);
          const char *text = nh_checklist_tier_get_item_text (tier, i);
          GtkWidget *row;
          GtkWidget *check;

          if (nh_checklist_tier_get_item_is_advice (tier, i))
            {
              if (!titled)
                {
                  GtkWidget *heading = adw_preferences_group_new ();

                  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (heading), escaped);
                  gtk_box_append (GTK_BOX (tier_box), heading);
                  titled = TRUE;
                }
              gtk_box_append (GTK_BOX (tier_box), advice_callout (text));
              group = NULL;
              continue;
            }

          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              if (!titled)
                adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
              titled = TRUE;
              gtk_box_append (GTK_BOX (tier_box), group);
            }

          row = adw_action_row_new ();
          check = gtk_check_button_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_add_css_class (row, "nh-checklist-item");

          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (check, "nh-big-check");
          /* Named by the row's title (AdwActionRow labels its activatable
           * widget with it); a label of its own as well would be read
           * twice in GTK 4.8. */
          g_object_set_data_full (G_OBJECT (check), "item-id", g_strdup (id), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (item_toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          gtk_widget_set_sensitive (check, !self->read_only);

          g_hash_table_insert (self->checks, g_strdup (id), check);
          g_hash_table_insert (self->item_rows, g_strdup (id), row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }

      gtk_box_append (self->tiers_box, tier_box);
    }
}

static void
delete_reading_cb (GtkButton       *button,
                   NhChecklistPage *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));

  if (position < nh_episode_get_n_readings (self->episode))
    nh_episode_remove_reading (self->episode, position);
}

/* The correction dialog: Save only while both fields make a reading. */
static void
correction_changed_cb (AdwMessageDialog *dialog)
{
  AdwEntryRow *value = g_object_get_data (G_OBJECT (dialog), "value");
  AdwEntryRow *time = g_object_get_data (G_OBJECT (dialog), "time");
  GDateTime *day = g_object_get_data (G_OBJECT (dialog), "day");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) parsed = nh_episode_parse_clock (gtk_editable_get_text (GTK_EDITABLE (time)), day, now);
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (value))));

  if (parsed == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (time), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (time), "error");

  adw_message_dialog_set_response_enabled (dialog, "save", parsed != NULL && *stripped != '\0');
}

static void
correction_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        NhChecklistPage  *self)
{
  AdwEntryRow *value = g_object_get_data (G_OBJECT (dialog), "value");
  AdwEntryRow *time = g_object_get_data (G_OBJECT (dialog), "time");
  GDateTime *day = g_object_get_data (G_OBJECT (dialog), "day");
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "position"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->read_only ||
      position >= nh_episode_get_n_readings (self->episode))
    return;

  parsed = nh_episode_parse_clock (gtk_editable_get_text (GTK_EDITABLE (time)), day, now);
  if (parsed == NULL ||
      !nh_episode_update_reading (self->episode, position, parsed,
                                  gtk_editable_get_text (GTK_EDITABLE (value)), now, &error))
    toast (self, error ? error->message : _("Type a time such as 02:10."));
}

static void
correct_reading_cb (GtkButton       *button,
                    NhChecklistPage *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));
  GtkWidget *dialog, *list, *value, *time;
  g_autofree char *clock = NULL;

  if (position >= nh_episode_get_n_readings (self->episode))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Correct Reading"),
                                   _("The app keeps what it was in the history of changes."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  value = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value), _("What you measured or gave"));
  gtk_editable_set_text (GTK_EDITABLE (value), nh_episode_get_reading_value (self->episode, position));
  gtk_list_box_append (GTK_LIST_BOX (list), value);

  time = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (time), _("Time measured (hh:mm)"));
  clock = nh_date_words_clock (nh_episode_get_reading_time (self->episode, position));
  gtk_editable_set_text (GTK_EDITABLE (time), clock);
  gtk_list_box_append (GTK_LIST_BOX (list), time);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  nh_accessible_fix_mnemonic_names (dialog);

  g_object_set_data (G_OBJECT (dialog), "value", value);
  g_object_set_data (G_OBJECT (dialog), "time", time);
  g_object_set_data_full (G_OBJECT (dialog), "day",
                          g_date_time_ref (nh_episode_get_reading_time (self->episode, position)),
                          (GDestroyNotify)g_date_time_unref);
  g_object_set_data (G_OBJECT (dialog), "position", GUINT_TO_POINTER (position));
  g_signal_connect_swapped (value, "changed", G_CALLBACK (correction_changed_cb), dialog);
  g_signal_connect_swapped (time, "changed", G_CALLBACK (correction_changed_cb), dialog);
  /* Enter in either field saves, as the default response. */
  g_signal_connect_swapped (value, "entry-activated", G_CALLBACK (gtk_widget_activate_default), dialog);
  g_signal_connect_swapped (time, "entry-activated", G_CALLBACK (gtk_widget_activate_default), dialog);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (value), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (time), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (correction_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (value);
}

static GtkWidget *
add_row_button (AdwActionRow *row,
                const char   *icon,
                const char   *tooltip,
                const char   *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (row, button);

  return button;
}

static void
update_readings (NhChecklistPage *self)
{
  guint n = nh_episode_get_n_readings (self->episode);

  for (guint i = 0; i < self->reading_rows->len; i++)
    adw_preferences_group_remove (self->readings_group, g_ptr_array_index (self->reading_rows, i));
  g_ptr_array_set_size (self->reading_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GDateTime *changed = nh_episode_get_reading_changed (self->episode, i);
      g_autofree char *time = nh_date_words_title (nh_episode_get_reading_time (self->episode, i));
      g_autofree char *subtitle = NULL;

      if (changed != NULL)
        {
          g_autofree char *when = nh_date_words_format (changed, NULL, TRUE);

          /* Translators: a reading's time, then when it was corrected:
           * "Today, 02:10 · corrected today, 02:45" */
          subtitle = g_strdup_printf (_("%s · corrected %s"), time, when);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     nh_episode_get_reading_value (self->episode, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : time);

      if (!self->read_only)
        {
          g_autofree char *correct_label = g_strdup_printf (_("Correct the reading of %s"), time);
          g_autofree char *remove_label = g_strdup_printf (_("Remove the reading of %s"), time);
          GtkWidget *button;

          button = add_row_button (ADW_ACTION_ROW (row), "document-edit-symbolic",
                                   _("Correct reading"), correct_label);
          g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (correct_reading_cb), self);

          button = add_row_button (ADW_ACTION_ROW (row), "user-trash-symbolic",
                                   _("Remove reading"), remove_label);
          g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (delete_reading_cb), self);
        }

      adw_preferences_group_add (self->readings_group, row);
      g_ptr_array_add (self->reading_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reading_entry), !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->reading_time_entry), !self->read_only);
}

static void
update_history (NhChecklistPage *self)
{
  guint n = nh_episode_get_n_changes (self->episode);
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  /* Newest first. */
  for (guint i = n; i-- > 0;)
    {
      const char *kind = nh_episode_get_change_kind (self->episode, i);
      g_autoptr(GDateTime) before_time = NULL;
      g_autofree char *before = nh_episode_dup_change_before (self->episode, i, &before_time);
      g_autofree char *when = nh_date_words_title (nh_episode_get_change_time (self->episode, i));
      g_autofree char *was = NULL;
      GtkWidget *row = adw_action_row_new ();
      const char *title;

      if (g_str_equal (kind, NH_EPISODE_CHANGE_READING))
        title = _("Reading corrected");
      else if (g_str_equal (kind, NH_EPISODE_CHANGE_READING_REMOVED))
        title = _("Reading removed");
      else if (g_str_equal (kind, NH_EPISODE_CHANGE_NOTES))
        title = _("Notes changed");
      else
        title = _("Changed");

      if (before != NULL && before_time != NULL)
        {
          g_autofree char *then = nh_date_words_format (before_time, NULL, TRUE);

          /* Translators: in the history: what a reading was before, "was 38.9 °C, today, 02:10" */
          was = g_strdup_printf (_("was %s, %s"), before, then);
        }
      else if (before != NULL)
        {
          g_autofree char *shortened = g_utf8_substring (before, 0, 80);

          /* Translators: in the history: what the notes were before */
          was = g_strdup_printf (_("was “%s”"), shortened);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (was != NULL)
        {
          g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, was);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n), n);
  adw_expander_row_set_subtitle (self->history_row, count);
  gtk_widget_set_visible (self->history_group, n > 0);
}

static void
update_from_episode (NhChecklistPage *self)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *started = nh_date_words_format (nh_episode_get_started_at (self->episode), NULL, TRUE);
  g_autofree char *label = NULL;
  GtkTextBuffer *buffer;

  self->updating = TRUE;

  if (nh_episode_get_ended_at (self->episode) != NULL)
    {
      g_autofree char *ended = nh_date_words_format (nh_episode_get_ended_at (self->episode), NULL, TRUE);

      /* Translators: a past episode: "Started 25 Nov 2026, 14:05; ended yesterday, 18:30" */
      label = g_strdup_printf (_("Started %s; ended %s"), started, ended);
    }
  else
    label = g_strdup_printf (_("Episode started %s"), started);
  gtk_label_set_text (self->episode_label, label);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GDateTime *tick = nh_episode_get_tick (self->episode, key);
      AdwActionRow *row = g_hash_table_lookup (self->item_rows, key);
      g_autofree char *time = tick ? nh_date_words_format (tick, NULL, TRUE) : NULL;
      /* Translators: under a ticked step: "Done today, 02:12" */
      g_autofree char *done = time ? g_strdup_printf (_("Done %s"), time) : NULL;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (value), tick != NULL);
      adw_action_row_set_subtitle (row, done ? done : "");
    }

  update_readings (self);
  update_history (self);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  if (!self->notes_timeout)
    {
      g_autofree char *current = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!g_str_equal (current, nh_episode_get_notes (self->episode)))
        gtk_text_buffer_set_text (buffer, nh_episode_get_notes (self->episode), -1);
    }

  self->updating = FALSE;
}

static void
episode_changed_cb (NhChecklistPage *self)
{
  update_from_episode (self);
}

static void
set_episode (NhChecklistPage *self,
             NhEpisode       *episode)
{
  if (self->episode != NULL)
    g_signal_handlers_disconnect_by_func (self->episode, episode_changed_cb, self);

  g_set_object (&self->episode, episode);
  g_signal_connect_object (episode, "changed", G_CALLBACK (episode_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_from_episode (self);
}

static void
set_time_to_now (NhChecklistPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = nh_date_words_clock (now);

  self->setting_time = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->reading_time_entry), clock);
  self->setting_time = FALSE;
  self->time_typed = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->reading_time_entry), "error");
}

/* Until the parent types a time, the field shows the clock. */
static gboolean
clock_tick_cb (gpointer data)
{
  NhChecklistPage *self = data;

  if (!self->time_typed)
    set_time_to_now (self);

  return G_SOURCE_CONTINUE;
}

static void
reading_time_changed_cb (NhChecklistPage *self)
{
  if (!self->setting_time)
    self->time_typed = TRUE;
}

/* Up and Down: a time picker that needs no mouse. */
static gboolean
time_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     NhChecklistPage       *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autofree char *clock = NULL;
  int step;

  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = TIME_STEP_MINUTES;
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = -TIME_STEP_MINUTES;
  else
    return FALSE;

  time = nh_episode_parse_clock (gtk_editable_get_text (GTK_EDITABLE (self->reading_time_entry)),
                                 NULL, now);
  if (time == NULL)
    time = g_date_time_ref (now);

  moved = g_date_time_add_minutes (time, step);
  /* Not later than now: it is something that happened. */
  if (g_date_time_compare (moved, now) > 0)
    moved = (g_date_time_unref (moved), g_date_time_ref (now));

  clock = nh_date_words_clock (moved);
  gtk_editable_set_text (GTK_EDITABLE (self->reading_time_entry), clock);
  gtk_editable_set_position (GTK_EDITABLE (self->reading_time_entry), -1);
  self->time_typed = TRUE;

  return TRUE;
}

static void
reading_apply_cb (NhChecklistPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reading_entry));
  const char *clock = gtk_editable_get_text (GTK_EDITABLE (self->reading_time_entry));

  /* An empty time field is now. */
  if (!self->time_typed || *clock == '\0')
    time = g_date_time_ref (now);
  else if (!(time = nh_episode_parse_clock (clock, NULL, now)))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->reading_time_entry), "error");
      toast (self, _("Type the time it was measured, such as 02:10."));
      return;
    }

  /* On failure the typed text stays in the field, with the reason. */
  if (!nh_episode_add_reading (self->episode, time, text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->reading_entry), "error");
      toast (self, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->reading_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->reading_entry), "");
  set_time_to_now (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reading_entry));
}

static void
flush_notes (NhChecklistPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);

  if (self->read_only || self->episode == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!nh_episode_set_notes (self->episode, text, &error))
    toast (self, error->message);
}

static gboolean
notes_timeout_cb (gpointer data)
{
  NhChecklistPage *self = data;

  self->notes_timeout = 0;
  flush_notes (self);

  return G_SOURCE_REMOVE;
}

static void
notes_changed_cb (GtkTextBuffer   *buffer,
                  NhChecklistPage *self)
{
  if (self->updating || self->read_only)
    return;

  g_clear_handle_id (&self->notes_timeout, g_source_remove);
  self->notes_timeout = g_timeout_add (NOTES_SAVE_DELAY_MS, notes_timeout_cb, self);
}

static void
clinic_apply_cb (NhChecklistPage *self)
{
  nh_clinic_set_name (self->clinic, gtk_editable_get_text (GTK_EDITABLE (self->clinic_name_entry)));
  nh_clinic_set_phone (self->clinic, gtk_editable_get_text (GTK_EDITABLE (self->clinic_phone_entry)));
  nh_clinic_set_instruction (self->clinic, nh_edition_get_language (self->edition),
                             gtk_editable_get_text (GTK_EDITABLE (self->clinic_text_entry)));
  save_clinic (self);
}

static void
toggle_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);
  GtkCheckButton *check = g_hash_table_lookup (self->checks, g_variant_get_string (param, NULL));

  if (check != NULL && !self->read_only)
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* The toast lives in the window's overlay, above this page, so an action
 * of the page cannot be reached from its button (GTK looks for actions
 * upwards from the button): the button is wired to this page by the
 * toast's own signal instead. */
static void
undo_new_episode (NhChecklistPage *self)
{
  g_autoptr(NhEpisode) archived = g_steal_pointer (&self->undo_episode);
  g_autoptr(AdwToast) shown = g_steal_pointer (&self->undo_toast);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.undo-new-episode", FALSE);

  if (shown != NULL)
    adw_toast_dismiss (shown);

  if (archived == NULL)
    return;

  flush_notes (self);
  nh_checklist_state_undo_new_episode (self->state, archived);
  set_episode (self, nh_checklist_state_get_current (self->state));
}

/* libadwaita 1.2 leaves the toast's close button without a name. */
static void
name_toast_close_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *image = GTK_IS_BUTTON (child) ? gtk_button_get_child (GTK_BUTTON (child)) : NULL;

      if (GTK_IS_IMAGE (image) && gtk_button_get_label (GTK_BUTTON (child)) == NULL &&
          g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), "window-close-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Close notification"), -1);
      else
        name_toast_close_buttons (child);
    }
}

static void
undo_new_episode_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  undo_new_episode (NH_CHECKLIST_PAGE (widget));
}

static void
undo_toast_dismissed_cb (AdwToast        *shown,
                         NhChecklistPage *self)
{
  if (self->undo_toast != shown)
    return;

  /* Gone from the screen: Ctrl+Z belongs to the text fields again. */
  g_clear_object (&self->undo_toast);
  g_clear_object (&self->undo_episode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.undo-new-episode", FALSE);
}

static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);

  if (self->undo_toast == NULL || self->undo_episode == NULL)
    return FALSE;

  undo_new_episode (self);
  return TRUE;
}

static void
new_episode_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         NhChecklistPage  *self)
{
  g_autoptr(GDateTime) now = NULL;
  NhEpisode *archived;
  AdwToast *done;
  GtkWidget *overlay;

  if (!g_str_equal (response, "start"))
    return;

  flush_notes (self);
  now = g_date_time_new_now_local ();
  archived = nh_checklist_state_start_new_episode (self->state, now);
  g_set_object (&self->undo_episode, archived);
  set_episode (self, nh_checklist_state_get_current (self->state));

  done = adw_toast_new (archived ? _("New episode started; the last one is in Past Episodes")
                                 : _("New episode started"));
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (archived != NULL)
    {
      adw_toast_set_button_label (done, _("_Undo"));
      /* Shown at once, so its button exists to be named right below; and
       * for longer than a plain message, for a tired parent to read. */
      adw_toast_set_priority (done, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (done, 10);
      g_signal_connect_object (done, "button-clicked", G_CALLBACK (undo_new_episode), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (done, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
      g_clear_object (&self->undo_toast);
      self->undo_toast = g_object_ref (done);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.undo-new-episode", TRUE);
    }

  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), done);
      /* Else "_Undo" is read as "underscore Undo Undo". */
      nh_accessible_fix_mnemonic_names (overlay);
      name_toast_close_buttons (overlay);
    }
  else
    g_object_unref (g_object_ref_sink (done));
}

static void
new_episode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Start a New Episode?"),
                                   _("The ticks, readings and notes of this episode are kept "
                                     "in Past Episodes, where you can still print them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start New Episode"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Else "_Cancel Cancel" to a screen reader. */
  nh_accessible_fix_mnemonic_names (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_episode_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
past_episodes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);
  NhEpisodesWindow *window;

  window = nh_episodes_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   self->edition, self->state);
  gtk_window_present (GTK_WINDOW (window));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  nh_checklist_page_print (NH_CHECKLIST_PAGE (widget), g_str_equal (action_name, "checklist.print-blank"));
}

static void
nh_checklist_page_dispose (GObject *object)
{
  NhChecklistPage *self = (NhChecklistPage *)object;

  /* Whatever was typed in the notes is kept. */
  if (self->notes_timeout)
    flush_notes (self);
  g_clear_handle_id (&self->clock_timeout, g_source_remove);

  G_OBJECT_CLASS (nh_checklist_page_parent_class)->dispose (object);
}

static void
nh_checklist_page_finalize (GObject *object)
{
  NhChecklistPage *self = (NhChecklistPage *)object;

  g_clear_object (&self->edition);
  g_clear_object (&self->state);
  g_clear_object (&self->episode);
  g_clear_object (&self->undo_episode);
  g_clear_object (&self->undo_toast);
  g_clear_pointer (&self->contacts, g_strfreev);
  g_clear_pointer (&self->state_unsaved, g_free);
  g_clear_pointer (&self->clinic_unsaved, g_free);
  g_clear_object (&self->clinic);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->reading_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (nh_checklist_page_parent_class)->finalize (object);
}

static void
nh_checklist_page_class_init (NhChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_checklist_page_dispose;
  object_class->finalize = nh_checklist_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, episode_label);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_box);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_label);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, tiers_box);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, readings_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, reading_entry);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, reading_time_entry);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, history_row);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_text_entry);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_phone_entry);
  gtk_widget_class_bind_template_callback (widget_class, reading_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, reading_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clinic_apply_cb);

  gtk_widget_class_install_action (widget_class, "checklist.toggle-item", "s", toggle_item_action);
  gtk_widget_class_install_action (widget_class, "checklist.new-episode", NULL, new_episode_action);
  gtk_widget_class_install_action (widget_class, "checklist.undo-new-episode", NULL, undo_new_episode_action);
  gtk_widget_class_install_action (widget_class, "checklist.past-episodes", NULL, past_episodes_action);
  gtk_widget_class_install_action (widget_class, "checklist.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "checklist.print-blank", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "checklist.import-clinic", NULL, import_clinic_action);
  gtk_widget_class_install_action (widget_class, "checklist.export-clinic", NULL, export_clinic_action);
}

static void
nh_checklist_page_init (NhChecklistPage *self)
{
  GtkEventController *controller;
  GtkWidget *add;
  GtkWidget *page;
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  /* The save banner goes above the scrolling page, always in sight. */
  page = g_object_ref (adw_bin_get_child (ADW_BIN (self)));
  adw_bin_set_child (ADW_BIN (self), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->save_banner = NH_SAVE_BANNER (nh_save_banner_new ());
  g_signal_connect_swapped (self->save_banner, "retry", G_CALLBACK (retry_save_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->save_banner));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  g_object_unref (page);
  adw_bin_set_child (ADW_BIN (self), box);

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reading_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();

  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add reading"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add reading"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (reading_apply_cb), self);
  adw_entry_row_add_suffix (self->reading_entry, add);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (time_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->reading_time_entry), controller);
  set_time_to_now (self);
  self->clock_timeout = g_timeout_add_seconds (20, clock_tick_cb, self);
  self->contact_rows = g_ptr_array_new ();

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);

  /* Ctrl+Z anywhere in the window while the Undo toast shows, even from a
   * text field (the focus often stays in the reading just typed): that is
   * what the toast offers. Without the toast the fields keep their Ctrl+Z. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (undo_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.undo-new-episode", FALSE);
}

/* The clinic's file, through the app's store; what older versions kept
 * in the checklist's state becomes its instruction in this language. */
static void
setup_clinic (NhChecklistPage *self)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GError) error = NULL;
  GtkWidget *buttons;
  GtkWidget *button;
  g_autofree char *title = NULL;

  if (NH_IS_APPLICATION (app))
    self->store = g_object_ref (nh_application_get_store (NH_APPLICATION (app)));

  if (self->store == NULL || !(self->clinic = nh_clinic_load (self->store, &error)))
    {
      if (error != NULL)
        g_warning ("%s", error->message);
      self->clinic = nh_clinic_new ();
    }

  if (nh_clinic_is_empty (self->clinic))
    {
      nh_clinic_set_phone (self->clinic, nh_checklist_state_get_clinic_phone (self->state));
      nh_clinic_set_instruction (self->clinic, nh_edition_get_language (self->edition),
                                 nh_checklist_state_get_clinic_text (self->state));
    }

  self->clinic_name_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clinic_name_entry), _("Clinic's name"));
  adw_entry_row_set_show_apply_button (self->clinic_name_entry, TRUE);
  g_signal_connect_swapped (self->clinic_name_entry, "apply", G_CALLBACK (clinic_apply_cb), self);
  /* First in the group: added, then the other two moved after it. */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->clinic_group), GTK_WIDGET (self->clinic_name_entry));
  g_object_ref (self->clinic_text_entry);
  g_object_ref (self->clinic_phone_entry);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->clinic_group), GTK_WIDGET (self->clinic_text_entry));
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->clinic_group), GTK_WIDGET (self->clinic_phone_entry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->clinic_group), GTK_WIDGET (self->clinic_phone_entry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->clinic_group), GTK_WIDGET (self->clinic_text_entry));
  g_object_unref (self->clinic_text_entry);
  g_object_unref (self->clinic_phone_entry);

  /* Translators: the clinic's instruction, in the handbook's language: "Clinic's instruction (Deutsch)" */
  title = g_strdup_printf (_("Clinic's instruction (%s)"),
                           nh_clinic_language_name (nh_edition_get_language (self->edition)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clinic_text_entry), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clinic_phone_entry), _("Clinic's 24-hour number"));

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  button = gtk_button_new_with_mnemonic (_("_Import…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklist.import-clinic");
  gtk_widget_set_tooltip_text (button, _("Use a clinic file a colleague shared"));
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("E_xport…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checklist.export-clinic");
  gtk_widget_set_tooltip_text (button, _("Save these settings as a clinic file, to share or for --clinic=FILE"));
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  nh_accessible_fix_mnemonic_names (buttons);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->clinic_group), buttons);

  update_clinic_rows (self);
}

/**
 * nh_checklist_page_new:
 * @episode: (nullable): a past episode to show read-only, or NULL for the
 *   current one
 */
NhChecklistPage *
nh_checklist_page_new (NhEdition        *edition,
                       NhChecklistState *state,
                       NhEpisode        *episode)
{
  NhChecklistPage *self;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (state), NULL);

  self = g_object_new (NH_TYPE_CHECKLIST_PAGE, NULL);
  self->edition = g_object_ref (edition);
  self->state = g_object_ref (state);
  self->read_only = episode != NULL;

  gtk_label_set_text (self->title_label, nh_edition_get_checklist_title (edition));
  {
    /* On screen the app keeps the time; on paper it is written in. */
    g_autofree char *intro = g_strdup_printf ("%s %s", nh_edition_get_checklist_intro (edition),
                                              nh_edition_gettext (edition, N_("The time is noted for you.")));

    gtk_label_set_text (self->intro_label, intro);
  }
  populate_tiers (self);

  gtk_widget_set_visible (self->buttons_box, !self->read_only);
  gtk_widget_set_visible (self->clinic_group, !self->read_only);
  gtk_text_view_set_editable (self->notes_view, !self->read_only);
  setup_clinic (self);

  if (!self->read_only)
    g_signal_connect_object (state, "changed", G_CALLBACK (state_changed_cb),
                             self, G_CONNECT_SWAPPED);

  set_episode (self, episode ? episode : nh_checklist_state_get_current (state));
  update_clinic (self);
  update_contacts (self);

  return self;
}

/* Returns: (transfer none): the episode shown */
NhEpisode *
nh_checklist_page_get_episode (NhChecklistPage *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_PAGE (self), NULL);

  return self->episode;
}

/* @contacts: "Label\tphone" lines, from the emergency card */
void
nh_checklist_page_set_contacts (NhChecklistPage    *self,
                                const char * const *contacts)
{
  g_return_if_fail (NH_IS_CHECKLIST_PAGE (self));

  g_strfreev (self->contacts);
  self->contacts = g_strdupv ((char **)contacts);
  update_contacts (self);
}

/* Prints the episode shown (for the doctor), or blank checklists, A6 by
 * default: a card for the bag. */
void
nh_checklist_page_print (NhChecklistPage *self,
                         gboolean         blank)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(NhPrintout) printout = NULL;

  g_return_if_fail (NH_IS_CHECKLIST_PAGE (self));

  flush_notes (self);

  printout = nh_printout_new_checklist (self->edition, self->state, self->clinic,
                                        blank ? NULL : self->episode,
                                        NH_IS_APPLICATION (app) ? nh_application_get_card (NH_APPLICATION (app)) : NULL);
  nh_print_printout (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), printout,
                     nh_paper_lookup (blank ? "a6" : "a4"));
}
