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
#include "nh-checklist-page.h"
#include "nh-episodes-window.h"
#include "nh-print.h"
#include "nh-application.h"

#define NOTES_SAVE_DELAY_MS 400

struct _NhChecklistPage
{
  AdwBin            parent_instance;

  NhEdition        *edition;
  NhChecklistState *state;
  NhEpisode        *episode;
  NhEpisode        *undo_episode;   /* archived by "New Episode", for Undo */
  GStrv             contacts;
  GHashTable       *checks;         /* item id -> GtkCheckButton */
  GHashTable       *item_rows;      /* item id -> AdwActionRow */
  GPtrArray        *reading_rows;
  GPtrArray        *contact_rows;
  guint             notes_timeout;
  gboolean          read_only;
  gboolean          updating;

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

static void
toast (NhChecklistPage *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static char *
format_local (GDateTime  *time,
              const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, format);
}

static void
save (NhChecklistPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nh_checklist_state_save (self->state, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);
      toast (self, message);
    }
}

static void
state_changed_cb (NhChecklistPage *self)
{
  save (self);
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
add_contact_row (NhChecklistPage *self,
                 const char      *label,
                 const char      *phone)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autofree char *copy_label = g_strdup_printf (_("Copy the phone number of %s"), label);
  g_autofree char *isolated = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  isolated = nh_text_isolate_ltr (phone);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), isolated);
  gtk_widget_add_css_class (row, "nh-phone-row");

  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_tooltip_text (copy, _("Copy phone number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label, -1);
  g_object_set_data_full (G_OBJECT (copy), "phone", g_strdup (phone), g_free);
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);

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

static void
save_clinic (NhChecklistPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !nh_clinic_save (self->clinic, self->store, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);

      toast (self, message);
    }

  update_clinic (self);
  update_contacts (self);
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

static void
populate_tiers (NhChecklistPage *self)
{
  guint n = nh_edition_get_n_checklist_tiers (self->edition);

  for (guint t = 0; t < n; t++)
    {
      NhChecklistTier *tier = nh_edition_get_checklist_tier (self->edition, t);
      GtkWidget *group = adw_preferences_group_new ();
      g_autofree char *title = g_strdup_printf ("%u · %s", t + 1, nh_checklist_tier_get_title (tier));
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);

      for (guint i = 0; i < nh_checklist_tier_get_n_items (tier); i++)
        {
          const char *id = nh_checklist_tier_get_item_id (tier, i);
          const char *text = nh_checklist_tier_get_item_text (tier, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

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

      gtk_box_append (self->tiers_box, group);
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
      g_autofree char *time = format_local (nh_episode_get_reading_time (self->episode, i), "%x %R");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     nh_episode_get_reading_value (self->episode, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), time);

      if (!self->read_only)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *label = g_strdup_printf (_("Remove the reading of %s"), time);

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _("Remove reading"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data (G_OBJECT (remove), "position", GUINT_TO_POINTER (i));
          g_signal_connect (remove, "clicked", G_CALLBACK (delete_reading_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }

      adw_preferences_group_add (self->readings_group, row);
      g_ptr_array_add (self->reading_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reading_entry), !self->read_only);
}

static void
update_from_episode (NhChecklistPage *self)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *started = format_local (nh_episode_get_started_at (self->episode), "%x %R");
  g_autofree char *label = NULL;
  GtkTextBuffer *buffer;

  self->updating = TRUE;

  if (nh_episode_get_ended_at (self->episode) != NULL)
    {
      g_autofree char *ended = format_local (nh_episode_get_ended_at (self->episode), "%x %R");

      /* Translators: a past episode: "Started 25/11/26 14:05, ended 25/11/26 18:30" */
      label = g_strdup_printf (_("Started %s, ended %s"), started, ended);
    }
  else
    label = g_strdup_printf (_("Episode started %s"), started);
  gtk_label_set_text (self->episode_label, label);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GDateTime *tick = nh_episode_get_tick (self->episode, key);
      AdwActionRow *row = g_hash_table_lookup (self->item_rows, key);
      g_autofree char *time = tick ? format_local (tick, "%R") : NULL;
      g_autofree char *done = time ? g_strdup_printf (_("Done at %s"), time) : NULL;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (value), tick != NULL);
      adw_action_row_set_subtitle (row, done ? done : "");
    }

  update_readings (self);

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
reading_apply_cb (NhChecklistPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reading_entry));

  /* On failure the typed text stays in the field, with the reason. */
  if (!nh_episode_add_reading (self->episode, now, text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->reading_entry), "error");
      toast (self, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->reading_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->reading_entry), "");
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

static void
undo_new_episode_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  NhChecklistPage *self = NH_CHECKLIST_PAGE (widget);
  g_autoptr(NhEpisode) archived = g_steal_pointer (&self->undo_episode);

  if (archived == NULL)
    return;

  nh_checklist_state_undo_new_episode (self->state, archived);
  set_episode (self, nh_checklist_state_get_current (self->state));
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
  if (archived != NULL)
    {
      adw_toast_set_button_label (done, _("_Undo"));
      adw_toast_set_action_name (done, "checklist.undo-new-episode");
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), done);
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
  g_clear_pointer (&self->contacts, g_strfreev);
  g_clear_object (&self->clinic);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->item_rows, g_hash_table_unref);
  g_clear_pointer (&self->reading_rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_group);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_text_entry);
  gtk_widget_class_bind_template_child (widget_class, NhChecklistPage, clinic_phone_entry);
  gtk_widget_class_bind_template_callback (widget_class, reading_apply_cb);
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
  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reading_rows = g_ptr_array_new ();
  self->contact_rows = g_ptr_array_new ();

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
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
