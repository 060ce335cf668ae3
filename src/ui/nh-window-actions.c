/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window-actions.c: win.* actions: history, sections, search */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-window-private.h"

static void
go_back_cb (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  _nh_window_go_back (NH_WINDOW (user_data));
}

/* The header's Back button: on a narrow window it returns from a page to
 * the list of sections, as in other GNOME apps; the history stays on
 * Alt+Left (win.go-back). */
static void
back_button_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  NhWindow *self = NH_WINDOW (user_data);

  if (adw_leaflet_get_folded (self->leaflet))
    _nh_window_show_sidebar (self);
  else
    _nh_window_go_back (self);
}

static void
add_bookmark_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  _nh_window_add_bookmark (NH_WINDOW (user_data));
}

static void
show_bookmarks_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  _nh_window_show_bookmarks (NH_WINDOW (user_data));
}

static void
show_questions_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  nh_window_show_section (NH_WINDOW (user_data), NH_PAGE_QUESTIONS);
}

static void
show_place_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  const char *section_id;
  guint block;

  g_variant_get (param, "(&su)", &section_id, &block);
  nh_window_show_place (NH_WINDOW (user_data), section_id, block);
}

static void
ask_question_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  const char *section_id;
  guint block;

  g_variant_get (param, "(&su)", &section_id, &block);
  _nh_window_ask_question (NH_WINDOW (user_data), section_id, block);
}

static void
read_aloud_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  _nh_window_read_aloud (NH_WINDOW (user_data));
}

static void
read_aloud_pause_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  _nh_window_read_aloud_pause (NH_WINDOW (user_data));
}

static void
read_aloud_stop_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  _nh_window_read_aloud_stop (NH_WINDOW (user_data));
}

static void
go_forward_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  _nh_window_go_forward (NH_WINDOW (user_data));
}

static void
previous_section_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  _nh_window_step_section (NH_WINDOW (user_data), -1);
}

static void
next_section_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  _nh_window_step_section (NH_WINDOW (user_data), 1);
}

static void
show_section_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  nh_window_show_section (NH_WINDOW (user_data), g_variant_get_string (param, NULL));
}

static void
search_cb (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  _nh_window_begin_search (NH_WINDOW (user_data));
}

static void
show_checklist_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  nh_window_show_section (NH_WINDOW (user_data), NH_PAGE_CHECKLIST);
}

static void
show_card_editor_cb (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  nh_window_show_section (NH_WINDOW (user_data), NH_PAGE_CARD);
}

static void
show_record_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  nh_window_show_section (NH_WINDOW (user_data), NH_PAGE_RECORD);
}

static void
add_child_cb (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  _nh_window_add_child (NH_WINDOW (user_data));
}

static void
backup_cb (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  _nh_window_backup (NH_WINDOW (user_data));
}

static void
restore_cb (GSimpleAction *action,
            GVariant      *param,
            gpointer       user_data)
{
  _nh_window_restore (NH_WINDOW (user_data));
}

static void
print_cb (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  _nh_window_print (NH_WINDOW (user_data));
}

/* Built on first use, not with every window: it is many widgets. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/ui/nh-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, window);
  gtk_window_present (shortcuts);
}

static const GActionEntry win_entries[] = {
  { "show-help-overlay", show_help_overlay_cb },
  { "show-checklist", show_checklist_cb },
  { "show-card-editor", show_card_editor_cb },
  { "show-record", show_record_cb },
  { "add-child", add_child_cb },
  { "backup", backup_cb },
  { "restore", restore_cb },
  { "print", print_cb },
  { "go-back", go_back_cb },
  { "back-button", back_button_cb },
  { "add-bookmark", add_bookmark_cb },
  { "show-bookmarks", show_bookmarks_cb },
  { "show-questions", show_questions_cb },
  { "read-aloud", read_aloud_cb },
  { "read-aloud-pause", read_aloud_pause_cb },
  { "read-aloud-stop", read_aloud_stop_cb },
  { "show-place", show_place_cb, "(su)" },
  { "ask-question", ask_question_cb, "(su)" },
  { "go-forward", go_forward_cb },
  { "previous-section", previous_section_cb },
  { "next-section", next_section_cb },
  { "show-section", show_section_cb, "s" },
  { "search", search_cb },
};

static void
set_enabled (NhWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_nh_window_actions_update (NhWindow *self)
{
  gboolean has_edition = self->edition != NULL;
  gboolean on_content_folded;
  guint position = 0;
  guint n = has_edition ? nh_edition_get_n_sections (self->edition) : 0;

  on_content_folded = adw_leaflet_get_folded (self->leaflet) &&
                      adw_leaflet_get_visible_child (self->leaflet) == self->content_box;

  if (has_edition && self->section_id != NULL)
    nh_edition_find_section (self->edition, self->section_id, &position);

  /* Back with no history returns from the page to the list on a narrow window. */
  set_enabled (self, "go-back", self->back_stack->len > 0 || on_content_folded);
  set_enabled (self, "back-button", self->back_stack->len > 0 || on_content_folded);
  set_enabled (self, "go-forward", self->forward_stack->len > 0);

  /* Say what the button does on this width. */
  if (adw_leaflet_get_folded (self->leaflet))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back to the Sections"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the sections"), -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), _("Back (Alt+Left)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
    }
  set_enabled (self, "previous-section", has_edition && position > 0);
  set_enabled (self, "next-section", has_edition && position + 1 < n);
  set_enabled (self, "show-section", has_edition);
  set_enabled (self, "search", has_edition);
  set_enabled (self, "show-checklist", has_edition);
  set_enabled (self, "add-bookmark", has_edition && self->section_id != NULL &&
                                     nh_edition_find_section (self->edition, self->section_id, NULL));
  set_enabled (self, "show-bookmarks", has_edition);
  set_enabled (self, "show-questions", has_edition);
  {
    gboolean on_section = has_edition && self->section_id != NULL &&
                          nh_edition_find_section (self->edition, self->section_id, NULL);
    gboolean reading = self->read_aloud != NULL &&
                       nh_read_aloud_get_state (self->read_aloud) != NH_READ_ALOUD_IDLE;

    set_enabled (self, "read-aloud", on_section);
    set_enabled (self, "read-aloud-pause", reading &&
                 nh_read_aloud_get_state (self->read_aloud) != NH_READ_ALOUD_CONNECTING);
    set_enabled (self, "read-aloud-stop", reading);
  }
  set_enabled (self, "show-place", has_edition);
  set_enabled (self, "ask-question", has_edition);
  set_enabled (self, "show-card-editor", has_edition);
  set_enabled (self, "show-record", has_edition);
  set_enabled (self, "add-child", has_edition);
  /* Sections print the handbook as a booklet; tools print themselves. */
  set_enabled (self, "print", has_edition && self->section_id != NULL);
}

void
_nh_window_actions_init (NhWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries,
                                   G_N_ELEMENTS (win_entries), self);
}
