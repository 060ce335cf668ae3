/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-episodes-window.c: past episodes: list, read-only view, print, delete */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-accessible.h"
#include "nh-checklist-page.h"
#include "nh-episodes-window.h"
#include "model/nh-date-words.h"

struct _NhEpisodesWindow
{
  AdwWindow         parent_instance;

  NhEdition        *edition;
  NhChecklistState *state;

  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkStack         *list_stack;
  GtkListBox       *episodes_list;
  AdwWindowTitle   *episode_title;
  AdwBin           *episode_bin;
};

G_DEFINE_FINAL_TYPE (NhEpisodesWindow, nh_episodes_window, ADW_TYPE_WINDOW)

static guint
count_items (NhEdition *edition)
{
  guint n = 0;

  for (guint t = 0; t < nh_edition_get_n_checklist_tiers (edition); t++)
    n += nh_checklist_tier_get_n_steps (nh_edition_get_checklist_tier (edition, t));

  return n;
}

/* "Lasted 4 h 25 min · 5 of 15 steps ticked · 2 readings" */
char *
nh_episode_dup_summary (NhEpisode *episode,
                        NhEdition *edition)
{
  GString *summary = g_string_new (NULL);
  GDateTime *ended = nh_episode_get_ended_at (episode);
  guint readings = nh_episode_get_n_readings (episode);

  if (ended != NULL)
    {
      GTimeSpan span = g_date_time_difference (ended, nh_episode_get_started_at (episode));
      int minutes = (int)(MAX (span, 0) / G_TIME_SPAN_MINUTE);

      if (minutes >= 24 * 60)
        g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "Lasted %d day", "Lasted %d days",
                                                      minutes / (24 * 60)),
                                minutes / (24 * 60));
      else
        /* Translators: duration of an episode, hours and minutes */
        g_string_append_printf (summary, _("Lasted %d h %02d min"), minutes / 60, minutes % 60);
      g_string_append (summary, " · ");
    }

  /* Translators: "5 of 15 steps ticked" */
  g_string_append_printf (summary, _("%u of %u steps ticked"),
                          nh_episode_get_n_ticks (episode), count_items (edition));
  g_string_append (summary, " · ");
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u reading", "%u readings", readings),
                          readings);

  return g_string_free (summary, FALSE);
}

/* "Yesterday, 23:50", "12 Feb 2026, 02:10": never 12/02/26. */
static char *
episode_title (NhEpisode *episode)
{
  return nh_date_words_title (nh_episode_get_started_at (episode));
}

static GtkWidget *
create_episode_row (gpointer item,
                    gpointer user_data)
{
  NhEpisodesWindow *self = user_data;
  NhEpisode *episode = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = episode_title (episode);
  g_autofree char *summary = nh_episode_dup_summary (episode, self->edition);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "episode", g_object_ref (episode), g_object_unref);

  return row;
}

static void
update_list (NhEpisodesWindow *self)
{
  GListModel *archive = nh_checklist_state_get_archive (self->state);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (archive) > 0 ? "episodes" : "empty");
}

static NhChecklistPage *
shown_page (NhEpisodesWindow *self)
{
  GtkWidget *child = adw_bin_get_child (self->episode_bin);

  return child ? NH_CHECKLIST_PAGE (child) : NULL;
}

static void
episode_activated_cb (NhEpisodesWindow *self,
                      GtkListBoxRow    *row)
{
  NhEpisode *episode = g_object_get_data (G_OBJECT (row), "episode");
  g_autofree char *title = episode_title (episode);

  adw_bin_set_child (self->episode_bin,
                     GTK_WIDGET (nh_checklist_page_new (self->edition, self->state, episode)));
  adw_window_title_set_title (self->episode_title, title);
  gtk_stack_set_visible_child_name (self->stack, "episode");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NhEpisodesWindow *self = NH_EPISODES_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
  adw_bin_set_child (self->episode_bin, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  NhChecklistPage *page = shown_page (NH_EPISODES_WINDOW (widget));

  if (page != NULL)
    nh_checklist_page_print (page, FALSE);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NhEpisodesWindow *self)
{
  g_autoptr(GError) error = NULL;
  NhChecklistPage *page = shown_page (self);

  if (!g_str_equal (response, "delete") || page == NULL)
    return;

  nh_checklist_state_delete_episode (self->state,
                                     nh_episode_get_id (nh_checklist_page_get_episode (page)));
  if (!nh_checklist_state_save (self->state, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Episode deleted")));

  back_action (GTK_WIDGET (self), NULL, NULL);
  update_list (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NhEpisodesWindow *self = NH_EPISODES_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Episode?"),
                                   _("Its ticks, readings and notes are removed from this "
                                     "computer. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  nh_accessible_fix_mnemonic_names (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reopen_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    NhEpisodesWindow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  NhChecklistPage *page = shown_page (self);

  if (!g_str_equal (response, "reopen") || page == NULL)
    return;

  now = g_date_time_new_now_local ();
  if (nh_checklist_state_reopen_episode (self->state,
                                         nh_episode_get_id (nh_checklist_page_get_episode (page)),
                                         now) == NULL)
    return;

  /* The checklist page follows the state and saves it. */
  if (!nh_checklist_state_save (self->state, &error))
    g_warning ("Could not save: %s", error->message);

  gtk_window_close (GTK_WINDOW (self));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NhEpisodesWindow *self = NH_EPISODES_WINDOW (widget);
  NhEpisode *current = nh_checklist_state_get_current (self->state);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reopen This Episode?"),
                                   nh_episode_is_empty (current)
                                   ? _("It becomes the current episode again, with its ticks, "
                                       "readings and notes, and you can go on with it.")
                                   : _("It becomes the current episode again, with its ticks, "
                                       "readings and notes. The episode you have now is kept in "
                                       "Past Episodes."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", _("_Reopen"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  nh_accessible_fix_mnemonic_names (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
nh_episodes_window_finalize (GObject *object)
{
  NhEpisodesWindow *self = (NhEpisodesWindow *)object;

  g_clear_object (&self->edition);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (nh_episodes_window_parent_class)->finalize (object);
}

static void
nh_episodes_window_class_init (NhEpisodesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nh_episodes_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-episodes-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NhEpisodesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NhEpisodesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NhEpisodesWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, NhEpisodesWindow, episodes_list);
  gtk_widget_class_bind_template_child (widget_class, NhEpisodesWindow, episode_title);
  gtk_widget_class_bind_template_child (widget_class, NhEpisodesWindow, episode_bin);
  gtk_widget_class_bind_template_callback (widget_class, episode_activated_cb);

  gtk_widget_class_install_action (widget_class, "episodes.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "episodes.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "episodes.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "episodes.reopen", NULL, reopen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "episodes.back", NULL);
}

static void
nh_episodes_window_init (NhEpisodesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NhEpisodesWindow *
nh_episodes_window_new (GtkWindow        *parent,
                        NhEdition        *edition,
                        NhChecklistState *state)
{
  NhEpisodesWindow *self;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (state), NULL);

  self = g_object_new (NH_TYPE_EPISODES_WINDOW, "transient-for", parent, NULL);
  self->edition = g_object_ref (edition);
  self->state = g_object_ref (state);

  gtk_list_box_bind_model (self->episodes_list, nh_checklist_state_get_archive (state),
                           create_episode_row, self, NULL);
  update_list (self);

  return self;
}
