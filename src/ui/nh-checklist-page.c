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
#include "render/nh-checklist-render.h"
#include "nh-save-banner.h"
#include "nh-toast.h"

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
  NhSaveBanner     *save_banner;    /* above the page, when saving fails */

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
};

G_DEFINE_FINAL_TYPE (NhChecklistPage, nh_checklist_page, ADW_TYPE_BIN)

static void update_from_episode (NhChecklistPage *self);

static void
toast (NhChecklistPage *self,
       const char      *message)
{
  nh_toast_show_message (GTK_WIDGET (self), message);
}

static char *
format_local (GDateTime  *time,
              const char *format)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, format);
}

/* On failure everything stays on screen and in memory; the banner says so
 * until a save works (at the next change, or with Retry). */
static void
save (NhChecklistPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!nh_checklist_state_save (self->state, &error))
    {
      /* Translators: %s says what failed and where, e.g. "Could not save
       * “/home/sam/.local/share/…/checklist.json”: the disk is full" */
      g_autofree char *message = g_strdup_printf (_("%s. What you ticked and typed in the checklist "
                                                    "is kept while the app is open; it is saved at "
                                                    "your next change, or with Retry."),
                                                  error->message);
      nh_save_banner_show (self->save_banner, message);
    }
  else
    nh_save_banner_hide (self->save_banner);
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

static void
update_contacts (NhChecklistPage *self)
{
  const char *clinic_phone = nh_checklist_state_get_clinic_phone (self->state);

  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (self->contacts_group, g_ptr_array_index (self->contact_rows, i));
  g_ptr_array_set_size (self->contact_rows, 0);

  if (*clinic_phone)
    add_contact_row (self, _("Clinic"), clinic_phone);

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

  gtk_widget_set_visible (GTK_WIDGET (self->contacts_group), !self->read_only);
}

static void
update_clinic (NhChecklistPage *self)
{
  const char *text = nh_checklist_state_get_clinic_text (self->state);

  gtk_label_set_text (self->clinic_label, text);
  gtk_widget_set_visible (self->clinic_box, *text != '\0');
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
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clinic_text_entry))));
  g_autofree char *phone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->clinic_phone_entry))));

  if (!nh_checklist_state_set_clinic (self->state, text, phone, &error))
    {
      toast (self, error->message);
      return;
    }

  update_clinic (self);
  update_contacts (self);
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

typedef struct
{
  NhChecklistDoc    doc;
  NhChecklistState *state;
  GStrv             contacts;
  char             *clinic_text;
  char             *clinic_phone;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  g_clear_object (&print->doc.edition);
  g_clear_object (&print->doc.episode);
  g_clear_object (&print->state);
  g_clear_pointer (&print->contacts, g_strfreev);
  g_clear_pointer (&print->clinic_text, g_free);
  g_clear_pointer (&print->clinic_phone, g_free);
  g_free (print);
}

static guint
print_count_pages (double   width,
                   double   height,
                   gpointer user_data)
{
  PrintData *print = user_data;

  return nh_checklist_render_count_pages (&print->doc, width, height);
}

static void
print_draw_page (cairo_t  *cr,
                 double    width,
                 double    height,
                 guint     page,
                 gpointer  user_data)
{
  PrintData *print = user_data;

  nh_checklist_render_page (&print->doc, cr, width, height, page);
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
}

static void
nh_checklist_page_init (NhChecklistPage *self)
{
  GtkWidget *page;
  GtkWidget *box;

  gtk_widget_init_template (GTK_WIDGET (self));
  nh_accessible_fix_mnemonic_names (GTK_WIDGET (self));

  /* The save banner goes above the scrolling page, always in sight. */
  page = g_object_ref (adw_bin_get_child (ADW_BIN (self)));
  adw_bin_set_child (ADW_BIN (self), NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->save_banner = NH_SAVE_BANNER (nh_save_banner_new ());
  g_signal_connect_swapped (self->save_banner, "retry", G_CALLBACK (save), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->save_banner));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  g_object_unref (page);
  adw_bin_set_child (ADW_BIN (self), box);

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reading_rows = g_ptr_array_new ();
  self->contact_rows = g_ptr_array_new ();

  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
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
  gtk_label_set_text (self->intro_label, nh_edition_get_checklist_intro (edition));
  populate_tiers (self);

  gtk_widget_set_visible (self->buttons_box, !self->read_only);
  gtk_widget_set_visible (self->clinic_group, !self->read_only);
  gtk_text_view_set_editable (self->notes_view, !self->read_only);
  gtk_editable_set_text (GTK_EDITABLE (self->clinic_text_entry),
                         nh_checklist_state_get_clinic_text (state));
  gtk_editable_set_text (GTK_EDITABLE (self->clinic_phone_entry),
                         nh_checklist_state_get_clinic_phone (state));

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

/* Prints the episode shown (for the doctor), or blank checklists. */
void
nh_checklist_page_print (NhChecklistPage *self,
                         gboolean         blank)
{
  PrintData *print;

  g_return_if_fail (NH_IS_CHECKLIST_PAGE (self));

  flush_notes (self);

  print = g_new0 (PrintData, 1);
  print->state = g_object_ref (self->state);
  print->contacts = g_strdupv (self->contacts);
  print->doc.edition = g_object_ref (self->edition);
  print->doc.episode = blank ? NULL : g_object_ref (self->episode);
  print->clinic_text = g_strdup (nh_checklist_state_get_clinic_text (self->state));
  print->clinic_phone = g_strdup (nh_checklist_state_get_clinic_phone (self->state));
  print->doc.clinic_text = print->clinic_text;
  print->doc.clinic_phone = print->clinic_phone;
  print->doc.contacts = (const char * const *)print->contacts;

  nh_print_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                nh_edition_get_checklist_title (self->edition),
                nh_paper_lookup (blank ? "a6" : "a4"),
                print_count_pages, print_draw_page, print, print_data_free);
}
