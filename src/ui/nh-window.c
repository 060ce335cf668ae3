/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window.c: the main window: sidebar of sections and the reading pane */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "nh-card-editor.h"
#include "nh-print.h"
#include "nh-checklist-page.h"
#include "nh-bookmarks-window.h"
#include "nh-questions-page.h"
#include "nh-record-page.h"
#include "nh-search-row.h"
#include "nh-section-page.h"
#include "nh-sidebar-row.h"
#include "nh-window-private.h"

/* About 70 characters of body text at the default size. */
#define READABLE_WIDTH 540

G_DEFINE_FINAL_TYPE (NhWindow, nh_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_section_row (gpointer item,
                    gpointer user_data)
{
  return GTK_WIDGET (nh_sidebar_row_new (NH_SECTION (item)));
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  return GTK_WIDGET (nh_search_row_new (NH_SEARCH_RESULT (item)));
}

/* Marks the page in the sidebar; a section and a tool are never both marked. */
static void
select_row_for_page (NhWindow   *self,
                     const char *page_id)
{
  guint position;

  self->selecting_row = TRUE;

  /* A search result is marked only while the keyboard is on it. */
  gtk_list_box_unselect_all (self->results_list);

  if (g_str_equal (page_id, NH_PAGE_CHECKLIST) || g_str_equal (page_id, NH_PAGE_CARD) ||
      g_str_equal (page_id, NH_PAGE_RECORD) || g_str_equal (page_id, NH_PAGE_QUESTIONS))
    {
      gtk_list_box_unselect_all (self->sections_list);
      gtk_list_box_select_row (self->tools_list,
                               g_str_equal (page_id, NH_PAGE_CHECKLIST) ? self->checklist_row
                               : g_str_equal (page_id, NH_PAGE_CARD) ? self->card_row
                               : g_str_equal (page_id, NH_PAGE_RECORD) ? self->record_row
                               : self->questions_row);
    }
  else if (self->edition != NULL && nh_edition_find_section (self->edition, page_id, &position))
    {
      gtk_list_box_unselect_all (self->tools_list);
      gtk_list_box_select_row (self->sections_list,
                               gtk_list_box_get_row_at_index (self->sections_list, position));
    }

  self->selecting_row = FALSE;
}

static GtkWidget *
create_checklist_page (NhWindow      *self,
                       NhApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  NhChecklistState *state = nh_application_get_checklist_state (app, &error);
  GtkWidget *status;

  if (state == NULL)
    {
      status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Checklist Cannot Be Opened"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      return status;
    }

  if ((backup = nh_application_steal_checklist_backup (app)))
    {
      g_autofree char *escaped = g_markup_escape_text (backup, -1);
      g_autofree char *message = g_strdup_printf (_("The saved checklist could not be read. "
                                                    "It was kept as %s and a new one was started."),
                                                  escaped);
      /* Toast titles are markup; a path may hold "&" or "<". */
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }

  return GTK_WIDGET (nh_checklist_page_new (self->edition, state, NULL));
}

/* Tool pages are made on first use, so start-up stays light. */
static GtkWidget *
create_tool_page (NhWindow   *self,
                  const char *page_id)
{
  NhApplication *app = NH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (g_str_equal (page_id, NH_PAGE_CHECKLIST))
    return create_checklist_page (self, app);

  if (g_str_equal (page_id, NH_PAGE_CARD))
    return GTK_WIDGET (nh_card_editor_new (nh_application_get_card (app), self->edition));

  if (g_str_equal (page_id, NH_PAGE_RECORD))
    return nh_record_page_new (nh_application_get_child (app));

  if (g_str_equal (page_id, NH_PAGE_QUESTIONS))
    return GTK_WIDGET (nh_questions_page_new (self->questions, self->edition));

  g_assert_not_reached ();
}

static const char *
tool_page_title (const char *page_id)
{
  if (g_str_equal (page_id, NH_PAGE_RECORD))
    return _("Health record");

  if (g_str_equal (page_id, NH_PAGE_QUESTIONS))
    return _("Questions for the next visit");

  return g_str_equal (page_id, NH_PAGE_CHECKLIST) ? _("Infection suspected") : _("Emergency card");
}

static void
display_tool (NhWindow   *self,
              const char *page_id)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, page_id);

  if (page == NULL)
    {
      page = create_tool_page (self, page_id);
      gtk_stack_add_named (self->content_stack, page, page_id);
    }

  /* The numbers to call come from the card, which may have changed. */
  if (NH_IS_CHECKLIST_PAGE (page))
    {
      NhApplication *app = NH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      g_auto(GStrv) contacts = nh_card_dup_phone_contacts (nh_application_get_card (app),
                                                           self->edition);

      nh_checklist_page_set_contacts (NH_CHECKLIST_PAGE (page), (const char * const *)contacts);
    }

  g_free (self->section_id);
  self->section_id = g_strdup (page_id);

  gtk_stack_set_visible_child (self->content_stack, page);
  adw_window_title_set_title (self->content_title, tool_page_title (page_id));
  _nh_window_children_update_title (self);
  select_row_for_page (self, page_id);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  _nh_window_actions_update (self);
}

static void
update_text_scale (NhWindow *self)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  g_autofree char *css = NULL;
  g_autofree char *zoom = NULL;
  GtkWidget *page;

  css = g_strdup_printf (".nh-reading { font-size: %d%%; }", (int)(scale * 100 + 0.5));
  gtk_css_provider_load_from_data (self->text_scale_css, css, -1);

  /* Translators: the text size, as a percentage */
  zoom = g_strdup_printf (_("%d%%"), (int)(scale * 100 + 0.5));
  gtk_label_set_label (self->zoom_label, zoom);

  page = gtk_scrolled_window_get_child (self->content_scroller);
  if (page != NULL)
    {
      if (GTK_IS_VIEWPORT (page))
        page = gtk_viewport_get_child (GTK_VIEWPORT (page));
      if (NH_IS_SECTION_PAGE (page))
        nh_section_page_set_max_width (NH_SECTION_PAGE (page), READABLE_WIDTH * scale);
    }
}

static NhSectionPage *
shown_section_page (NhWindow *self)
{
  GtkWidget *page = gtk_scrolled_window_get_child (self->content_scroller);

  if (page != NULL && GTK_IS_VIEWPORT (page))
    page = gtk_viewport_get_child (GTK_VIEWPORT (page));

  return page != NULL && NH_IS_SECTION_PAGE (page) ? NH_SECTION_PAGE (page) : NULL;
}

static gboolean
save_reading_cb (gpointer data)
{
  NhWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  /* Only where the reader was: losing it is no harm, so no dialog. */
  if (self->reading != NULL && nh_reading_is_dirty (self->reading) &&
      !nh_reading_save (self->reading, &error))
    g_debug ("Could not save the reading position: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
remember_position (NhWindow *self,
                   guint     block)
{
  self->top_block = block;

  if (self->reading == NULL || self->edition == NULL || self->section_id == NULL)
    return;

  nh_reading_set_position (self->reading, nh_edition_get_id (self->edition),
                           self->section_id, block);
  if (self->save_id == 0)
    self->save_id = g_timeout_add_seconds (1, save_reading_cb, self);
}

/* The reader scrolled: note the paragraph now at the top. */
static void
scrolled_cb (NhWindow *self)
{
  NhSectionPage *page = shown_section_page (self);

  if (page == NULL || self->restore_id != 0)
    return;

  remember_position (self, nh_section_page_get_top_block (page));
}

/* Scrolls only once the page is laid out: a frame after it changed, when
 * the blocks have their new places, and again until the block stays at
 * the top (the page may still be growing). Scrolling meanwhile is ours,
 * not the reader's (scrolled_cb() ignores it). */
#define RESTORE_MAX_FRAMES 240
#define RESTORE_STABLE_FRAMES 3

static gboolean
restore_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  NhWindow *self = NH_WINDOW (data);
  NhSectionPage *page = shown_section_page (self);

  if (page == NULL || ++self->restore_frames > RESTORE_MAX_FRAMES)
    goto done;

  /* The first frame lays the page out; scroll in the next ones. */
  if (self->restore_frames < 2)
    return G_SOURCE_CONTINUE;

  /* Done when the block has stayed at the top for a few frames. */
  if (nh_section_page_get_top_block (page) == self->top_block)
    {
      if (++self->restore_stable >= RESTORE_STABLE_FRAMES)
        goto done;
      return G_SOURCE_CONTINUE;
    }

  /* Or when it cannot come closer: the page ends below it. */
  nh_section_page_scroll_block_to_top (page, self->top_block);
  {
    double value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->content_scroller));

    if (value == self->restore_last_value)
      {
        if (++self->restore_stable >= RESTORE_STABLE_FRAMES)
          goto done;
      }
    else
      self->restore_stable = 0;
    self->restore_last_value = value;
  }
  return G_SOURCE_CONTINUE;

done:
  self->restore_id = 0;
  return G_SOURCE_REMOVE;
}

static void
restore_position (NhWindow *self)
{
  self->restore_frames = 0;
  self->restore_stable = 0;
  self->restore_last_value = -1;
  if (self->restore_id == 0)
    self->restore_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->content_scroller),
                                                     restore_tick_cb, self, NULL);
}

static void
cancel_restore (NhWindow *self)
{
  if (self->restore_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->content_scroller), self->restore_id);
  self->restore_id = 0;
}

/* The page was laid out anew (another text size or window width, or more
 * of it built): keep the same paragraph at the top. */
static void
relayout_cb (NhWindow *self)
{
  if (self->top_block == 0 || shown_section_page (self) == NULL)
    return;

  restore_position (self);
}

/* Shows a section without touching history. */
static void
display_section (NhWindow   *self,
                 NhSection  *section,
                 guint       block_index)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  NhSectionPage *page;
  GtkAdjustment *vadj;

  if (self->read_aloud != NULL)
    nh_read_aloud_stop (self->read_aloud);

  g_free (self->section_id);
  self->section_id = g_strdup (nh_section_get_id (section));

  page = nh_section_page_new (self->edition, section);
  nh_section_page_set_max_width (page, READABLE_WIDTH * scale);
  gtk_scrolled_window_set_child (self->content_scroller, GTK_WIDGET (page));

  vadj = gtk_scrolled_window_get_vadjustment (self->content_scroller);
  cancel_restore (self);
  self->top_block = block_index;
  gtk_adjustment_set_value (vadj, 0);
  if (block_index > 0)
    restore_position (self);

  gtk_stack_set_visible_child_name (self->content_stack, "section");
  adw_window_title_set_title (self->content_title, nh_section_get_title (section));
  _nh_window_children_update_title (self);
  select_row_for_page (self, self->section_id);
  /* Setting the same value still writes the settings file: not on every
   * start-up. */
  {
    g_autofree char *last = g_settings_get_string (self->settings, "last-section");

    if (g_strcmp0 (last, self->section_id) != 0)
      g_settings_set_string (self->settings, "last-section", self->section_id);
  }
  remember_position (self, block_index);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  _nh_window_actions_update (self);
}

static gboolean
is_tool_page (const char *page_id)
{
  return g_str_equal (page_id, NH_PAGE_CHECKLIST) || g_str_equal (page_id, NH_PAGE_CARD) ||
         g_str_equal (page_id, NH_PAGE_RECORD) || g_str_equal (page_id, NH_PAGE_QUESTIONS);
}

/* Shows a page without touching history; FALSE for an unknown id. */
static gboolean
display_page (NhWindow   *self,
              const char *page_id,
              guint       block_index)
{
  NhSection *section;

  if (self->edition == NULL)
    return FALSE;

  if (is_tool_page (page_id))
    display_tool (self, page_id);
  else if ((section = nh_edition_find_section (self->edition, page_id, NULL)))
    display_section (self, section, block_index);
  else
    return FALSE;

  return TRUE;
}

static gboolean
navigate_to (NhWindow   *self,
             const char *page_id,
             guint       block_index)
{
  g_autofree char *previous = g_strdup (self->section_id);

  /* Activating the row of the page already shown (clicked, or selected by a
   * screen reader) only brings the page forward on a narrow window. */
  if (previous != NULL && g_str_equal (previous, page_id) && block_index == 0)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content_box);
      return TRUE;
    }

  if (!display_page (self, page_id, block_index))
    return FALSE;

  /* Opening at a page from the command line starts no history. */
  if (previous != NULL && !g_str_equal (previous, page_id) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_ptr_array_add (self->back_stack, g_steal_pointer (&previous));
      g_ptr_array_set_size (self->forward_stack, 0);
      _nh_window_actions_update (self);
    }

  return TRUE;
}

static void
tool_row_activated_cb (NhWindow      *self,
                       GtkListBoxRow *row)
{
  if (self->selecting_row)
    return;

  navigate_to (self, gtk_widget_get_name (GTK_WIDGET (row)), 0);
}

static void
section_row_activated_cb (NhWindow      *self,
                          GtkListBoxRow *row)
{
  NhSidebarRow *sidebar_row = NH_SIDEBAR_ROW (row);

  if (self->selecting_row)
    return;

  navigate_to (self, nh_section_get_id (nh_sidebar_row_get_section (sidebar_row)), 0);
}

static void
result_row_activated_cb (NhWindow      *self,
                         GtkListBoxRow *row)
{
  NhSearchResult *result = nh_search_row_get_result (NH_SEARCH_ROW (row));

  /* Help topics open in the help viewer, or app.help says how to get one. */
  if (nh_search_result_get_place (result) == NH_SEARCH_PLACE_HELP)
    {
      g_autofree char *yelp = g_find_program_in_path ("yelp");

      if (yelp != NULL)
        gtk_show_uri (GTK_WINDOW (self), nh_search_result_get_page_id (result), GDK_CURRENT_TIME);
      else
        gtk_widget_activate_action (GTK_WIDGET (self), "app.help", NULL);
      return;
    }

  navigate_to (self,
               nh_search_result_get_page_id (result),
               nh_search_result_get_block_index (result));
}

/* Selection without activation comes from assistive technologies
 * (AT-SPI's Selection interface): it opens the page just the same.
 *
 * But GTK also selects a row the keyboard moves onto, with Tab or the
 * arrows: that only marks it, and Enter, Space or a click opens it. A
 * parent tabbing from the checklist through the sidebar must not land on
 * another page. When the keyboard leaves the sidebar, the mark goes back
 * to the page shown (sidebar_focus_leave_cb()). */
static gboolean
selected_by_keyboard (GtkListBoxRow *row)
{
  return gtk_widget_has_focus (GTK_WIDGET (row));
}

static void
sidebar_focus_leave_cb (NhWindow *self)
{
  /* Focus also leaves while the window is taken apart. */
  if (self->section_id != NULL && self->results_list != NULL &&
      self->tools_list != NULL && self->sections_list != NULL)
    select_row_for_page (self, self->section_id);
}

static void
section_row_selected_cb (NhWindow      *self,
                         GtkListBoxRow *row)
{
  if (row != NULL && !selected_by_keyboard (row))
    section_row_activated_cb (self, row);
}

static void
result_row_selected_cb (NhWindow      *self,
                        GtkListBoxRow *row)
{
  if (row != NULL && !self->selecting_row && !selected_by_keyboard (row))
    result_row_activated_cb (self, row);
}

static void
search_changed_cb (NhWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_object (&self->results);

  if (*stripped == '\0' || self->edition == NULL)
    {
      gtk_list_box_bind_model (self->results_list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "sections");
      return;
    }

  if (self->search == NULL)
    self->search = nh_search_new (self->edition);

  self->results = nh_search_query (self->search, stripped);
  gtk_list_box_bind_model (self->results_list, self->results,
                           create_result_row, self, NULL);

  if (g_list_model_get_n_items (self->results) > 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
    }
  else
    {
      g_autofree char *suggestion = nh_search_suggest (self->search, stripped);

      /* "Did you mean …?" only when the suggestion finds something. */
      if (suggestion != NULL)
        {
          g_autoptr(GListModel) found = nh_search_query (self->search, suggestion);

          if (g_list_model_get_n_items (found) == 0)
            g_clear_pointer (&suggestion, g_free);
        }

      g_free (self->suggestion);
      self->suggestion = g_steal_pointer (&suggestion);
      if (self->suggestion != NULL)
        {
          /* Translators: a button when search finds nothing; %s is the
           * corrected search, such as "immunoglobulin" */
          g_autofree char *label = g_strdup_printf (_("Did you mean “%s”?"), self->suggestion);

          gtk_button_set_label (self->suggestion_button, label);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->suggestion_button), self->suggestion != NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
    }
}

static void
suggestion_clicked_cb (NhWindow *self)
{
  g_autofree char *text = g_strdup (self->suggestion);

  if (text != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
      search_changed_cb (self, self->search_entry);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
search_activate_cb (NhWindow       *self,
                    GtkSearchEntry *entry)
{
  if (self->results != NULL && g_list_model_get_n_items (self->results) > 0)
    nh_window_activate_search_result (self, 0);
}

static void
stop_search_cb (NhWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_toggle_button_set_active (self->search_button, FALSE);
}

static void
search_mode_cb (NhWindow   *self,
                GParamSpec *pspec,
                GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_stack_set_visible_child_name (self->sidebar_stack, "sections");
    }
}

static void
leaflet_changed_cb (NhWindow *self)
{
  /* A phone's header has room for Back, the title and the menu only; the
   * menu has Read Aloud and Add Bookmark too. */
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->bookmark_button, !folded);
  gtk_widget_set_visible (self->read_aloud_button, !folded);
  _nh_window_actions_update (self);
}

/* Shows @edition: the sidebar, and pages in its writing direction. */
static void
apply_edition (NhWindow  *self,
               NhEdition *edition)
{
  GtkTextDirection direction;

  g_set_object (&self->edition, edition);
  g_clear_object (&self->search);
  g_clear_object (&self->results);

  gtk_list_box_bind_model (self->sections_list, nh_edition_get_sections (edition),
                           create_section_row, self, NULL);

  direction = nh_catalog_language_is_rtl (nh_edition_get_language (edition))
              ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  gtk_widget_set_direction (GTK_WIDGET (self->content_stack), direction);
  gtk_widget_set_direction (GTK_WIDGET (self->sidebar_stack), direction);
  gtk_widget_set_direction (GTK_WIDGET (self->tools_list), direction);
}

static void
edition_fallback_details_cb (AdwToast *toast,
                             NhWindow *self)
{
  const char *reason = g_object_get_data (G_OBJECT (toast), "reason");
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("%s\n\nIn Preferences you can remove it, or choose another edition. "
                            "To use it again, open the file the group sent you once more."),
                          reason);
  /* The body is plain text: the reason holds the edition's id. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Chosen Edition Could Not Be Opened"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The chosen edition could not be opened: say so once; why, on request. */
static void
show_edition_fallback (NhWindow      *self,
                       NhApplication *app)
{
  g_autofree char *reason = nh_application_steal_edition_fallback (app);
  AdwToast *toast;

  if (reason == NULL)
    return;

  toast = adw_toast_new (_("The chosen edition could not be opened; the built-in handbook is shown"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "reason", g_steal_pointer (&reason), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (edition_fallback_details_cb),
                           self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A file dropped on the window: an edition to look at, and to install. */
static gboolean
drop_cb (NhWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  NhApplication *app = NH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      file = files ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL || app == NULL)
    return FALSE;

  nh_application_open_edition_file (app, file);

  return TRUE;
}

/* The reader chose another language or edition: same page, new text. */
static void
edition_changed_cb (NhWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  NhApplication *app;
  NhEdition *edition;
  g_autofree char *page_id = g_strdup (self->section_id);

  /* Closed, but not yet finalized: nothing to show. */
  if (application == NULL)
    return;

  app = NH_APPLICATION (application);
  edition = nh_application_get_edition (app);
  show_edition_fallback (self, app);

  if (edition == NULL)
    return;

  apply_edition (self, edition);

  /* Tool pages are remade in the new language when next shown. */
  _nh_window_remove_tool_pages (self);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    search_changed_cb (self, self->search_entry);

  if (page_id == NULL || !display_page (self, page_id, 0))
    display_page (self, nh_section_get_id (nh_edition_get_section (edition, 0)), 0);
}

static void
tool_row_selected_cb (NhWindow      *self,
                      GtkListBoxRow *row)
{
  if (row != NULL && !selected_by_keyboard (row))
    tool_row_activated_cb (self, row);
}

static void
show_load_error (NhWindow     *self,
                 const GError *error)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Handbook Could Not Be Loaded"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   error ? error->message : _("Unknown error"));
  gtk_scrolled_window_set_child (self->content_scroller, status);
}

static void
disclaimer_response_cb (NhWindow        *self,
                        const char      *response,
                        AdwMessageDialog *dialog)
{
  g_settings_set_boolean (self->settings, "disclaimer-seen", TRUE);
}

static void
maybe_show_disclaimer (NhWindow *self)
{
  GtkWidget *dialog;

  /* Someone who opened the checklist or the card from the launcher is in a
   * hurry: the disclaimer waits for a calmer moment. */
  if (self->edition == NULL || self->skip_disclaimer ||
      g_settings_get_boolean (self->settings, "disclaimer-seen"))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Before You Read"),
                                   nh_edition_get_disclaimer (self->edition));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("_I Understand"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disclaimer_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* build-aux/bench-startup: report the first frame, then quit. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      NhWindow      *self)
{
  g_print ("first-frame-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
nh_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nh_window_parent_class)->realize (widget);

  if (g_strcmp0 (g_getenv ("NH_BENCH_FIRST_FRAME"), "1") == 0)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

      g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                        G_CALLBACK (bench_after_paint_cb), widget);
    }
}

static gboolean
show_disclaimer_idle (gpointer data)
{
  maybe_show_disclaimer (NH_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
nh_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nh_window_parent_class)->map (widget);

  /* After the window is up, so the dialog comes above it. */
  g_idle_add_full (G_PRIORITY_LOW, show_disclaimer_idle,
                   g_object_ref (widget), g_object_unref);
}

static gboolean
nh_window_close_request (GtkWindow *window)
{
  NhWindow *self = NH_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (nh_window_parent_class)->close_request (window);
}

static void
nh_window_dispose (GObject *object)
{
  NhWindow *self = (NhWindow *)object;

  cancel_restore (self);
  if (self->read_aloud != NULL)
    nh_read_aloud_stop (self->read_aloud);
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_reading_cb (self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_WINDOW);

  if (self->text_scale_css != NULL)
    {
      gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                     GTK_STYLE_PROVIDER (self->text_scale_css));
      g_clear_object (&self->text_scale_css);
    }

  G_OBJECT_CLASS (nh_window_parent_class)->dispose (object);
}

static void
nh_window_finalize (GObject *object)
{
  NhWindow *self = (NhWindow *)object;

  g_clear_object (&self->edition);
  g_clear_object (&self->search);
  g_clear_object (&self->results);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->section_id, g_free);
  g_clear_pointer (&self->suggestion, g_free);
  g_clear_object (&self->reading);
  g_clear_object (&self->questions);
  g_clear_object (&self->read_aloud);
  g_clear_pointer (&self->back_stack, g_ptr_array_unref);
  g_clear_pointer (&self->forward_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (nh_window_parent_class)->finalize (object);
}

static void
nh_window_class_init (NhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nh_window_dispose;
  object_class->finalize = nh_window_finalize;
  widget_class->map = nh_window_map;
  widget_class->realize = nh_window_realize;
  window_class->close_request = nh_window_close_request;

  g_type_ensure (NH_TYPE_SECTION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/nh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, questions_row);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, read_aloud_bar);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, read_aloud_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, read_aloud_label);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, read_aloud_pause_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, tools_list);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, card_row);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, record_row);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, children_box);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, children_list);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, sections_list);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, NhWindow, zoom_label);
  gtk_widget_class_bind_template_callback (widget_class, section_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tool_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tool_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, section_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
nh_window_init (NhWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->back_stack = g_ptr_array_new_with_free_func (g_free);
  self->forward_stack = g_ptr_array_new_with_free_func (g_free);

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->text_scale_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->text_scale_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  {
    GtkListBox *lists[] = { self->tools_list, self->sections_list, self->results_list };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect_object (focus, "leave", G_CALLBACK (sidebar_focus_leave_cb),
                                 self, G_CONNECT_SWAPPED);
        gtk_widget_add_controller (GTK_WIDGET (lists[i]), focus);
      }
  }

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (leaflet_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (leaflet_changed_cb), self, G_CONNECT_SWAPPED);

  {
    GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->content_scroller);

    g_signal_connect_object (vadj, "value-changed", G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (vadj, "changed", G_CALLBACK (relayout_cb), self, G_CONNECT_SWAPPED);
  }

  _nh_window_actions_init (self);
}

NhWindow *
nh_window_new (NhApplication *application,
               NhEdition     *edition,
               const GError  *load_error)
{
  NhWindow *self;
  g_autofree char *last_section = NULL;

  g_return_val_if_fail (NH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (edition == NULL || NH_IS_EDITION (edition), NULL);

  self = g_object_new (NH_TYPE_WINDOW, "application", application, NULL);
  self->settings = g_object_ref (nh_application_get_settings (application));
  self->reading = nh_reading_new (nh_application_get_store (application), NULL);
  self->questions = nh_questions_new (nh_application_get_store (application), NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (update_text_scale), self, G_CONNECT_SWAPPED);
  update_text_scale (self);
  show_edition_fallback (self, application);

  if (edition == NULL)
    {
      show_load_error (self, load_error);
      _nh_window_actions_update (self);
      return self;
    }

  apply_edition (self, edition);
  _nh_window_children_init (self, application);
  g_signal_connect_object (application, "notify::edition",
                           G_CALLBACK (edition_changed_cb), self, G_CONNECT_SWAPPED);

  /* Open where the reader left off in this edition (the section and the
   * paragraph), or at the last section read, or at the first one. */
  {
    const char *section_id = NULL;
    guint block = 0;

    if (nh_reading_get_position (self->reading, nh_edition_get_id (edition), &section_id, &block) &&
        nh_edition_find_section (edition, section_id, NULL))
      last_section = g_strdup (section_id);
    else
      {
        block = 0;
        last_section = g_settings_get_string (self->settings, "last-section");
      }

    if (!nh_edition_find_section (edition, last_section, NULL))
      {
        g_free (last_section);
        last_section = g_strdup (nh_section_get_id (nh_edition_get_section (edition, 0)));
        block = 0;
      }
    display_section (self, nh_edition_find_section (edition, last_section, NULL), block);
  }

  /* On a narrow window, start on the list of sections. */
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);

  return self;
}

/* Shows the page shown again, made anew: another child's, or in another
 * language. */
gboolean
_nh_window_redisplay (NhWindow *self)
{
  g_autofree char *page_id = g_strdup (self->section_id);

  return page_id != NULL && display_page (self, page_id, 0);
}

void
_nh_window_remove_tool_pages (NhWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack))))
    {
      if (child == GTK_WIDGET (self->content_scroller))
        child = gtk_widget_get_next_sibling (child);
      if (child == NULL)
        break;
      gtk_stack_remove (self->content_stack, child);
    }
}

/* Opens a section, or the tool pages "@checklist" and "@card", recording it
 * in the history. Returns FALSE for an unknown id. */
gboolean
nh_window_show_section (NhWindow   *self,
                        const char *section_id)
{
  g_return_val_if_fail (NH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (section_id != NULL, FALSE);

  /* Read only once, by the first-run disclaimer right after start-up. */
  if (is_tool_page (section_id))
    self->skip_disclaimer = TRUE;

  return navigate_to (self, section_id, 0);
}

/* Opens a page at one of its blocks (from a search result, such as the
 * Shell's), recording it in the history. FALSE for an unknown id. */
gboolean
nh_window_show_place (NhWindow   *self,
                      const char *page_id,
                      guint       block_index)
{
  g_return_val_if_fail (NH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (page_id != NULL, FALSE);

  if (is_tool_page (page_id))
    self->skip_disclaimer = TRUE;

  return navigate_to (self, page_id, block_index);
}

const char *
nh_window_get_section_id (NhWindow *self)
{
  g_return_val_if_fail (NH_IS_WINDOW (self), NULL);

  return self->section_id;
}

/* For tests and the search action: opens the search bar with @text. */
void
nh_window_set_search_text (NhWindow   *self,
                           const char *text)
{
  g_return_if_fail (NH_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed is delayed; run the query now. */
  search_changed_cb (self, self->search_entry);
}

/* Returns: (transfer none) (nullable) */
GListModel *
nh_window_get_search_results (NhWindow *self)
{
  g_return_val_if_fail (NH_IS_WINDOW (self), NULL);

  return self->results;
}

gboolean
nh_window_activate_search_result (NhWindow *self,
                                  guint     position)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (NH_IS_WINDOW (self), FALSE);

  if (!(row = gtk_list_box_get_row_at_index (self->results_list, position)))
    return FALSE;

  gtk_list_box_select_row (self->results_list, row);
  result_row_activated_cb (self, row);

  return TRUE;
}

gboolean
nh_window_get_folded (NhWindow *self)
{
  g_return_val_if_fail (NH_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

void
_nh_window_go_back (NhWindow *self)
{
  g_autofree char *id = NULL;

  if (self->back_stack->len == 0)
    {
      _nh_window_show_sidebar (self);
      return;
    }

  id = g_ptr_array_steal_index (self->back_stack, self->back_stack->len - 1);
  g_ptr_array_add (self->forward_stack, g_strdup (self->section_id));
  display_page (self, id, 0);
}

void
_nh_window_go_forward (NhWindow *self)
{
  g_autofree char *id = NULL;

  if (self->forward_stack->len == 0)
    return;

  id = g_ptr_array_steal_index (self->forward_stack, self->forward_stack->len - 1);
  g_ptr_array_add (self->back_stack, g_strdup (self->section_id));
  display_page (self, id, 0);
}

void
_nh_window_step_section (NhWindow *self,
                         int       direction)
{
  guint position;
  int next;

  if (self->edition == NULL || self->section_id == NULL)
    return;

  /* From a tool page, the next section is the first one. */
  if (!nh_edition_find_section (self->edition, self->section_id, &position))
    next = direction > 0 ? 0 : -1;
  else
    next = (int)position + direction;
  if (next < 0 || next >= (int)nh_edition_get_n_sections (self->edition))
    return;

  navigate_to (self, nh_section_get_id (nh_edition_get_section (self->edition, next)), 0);
}

void
_nh_window_begin_search (NhWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_nh_window_show_sidebar (NhWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
}

/* Ctrl+P prints what is on screen, each page with its own layout. */
void
_nh_window_print (NhWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  if (NH_IS_CHECKLIST_PAGE (page))
    nh_checklist_page_print (NH_CHECKLIST_PAGE (page), FALSE);
  else if (page == GTK_WIDGET (self->content_scroller) && self->edition != NULL)
    /* While reading: the whole handbook as a booklet. */
    {
      g_autoptr(NhPrintout) booklet = nh_printout_new_booklet (self->edition);

      nh_print_printout (GTK_WINDOW (self), booklet, NULL);
    }
  else if (NH_IS_CARD_EDITOR (page))
    nh_card_editor_print (NH_CARD_EDITOR (page));
  else if (NH_IS_QUESTIONS_PAGE (page) && self->edition != NULL)
    {
      NhApplication *app = NH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
      const char *child_name = nh_card_get_text (nh_application_get_card (app), "child_name");

      g_autoptr(NhPrintout) printout = nh_printout_new_questions (self->questions, self->edition, child_name);

      nh_print_printout (GTK_WINDOW (self), printout, NULL);
    }
}

/* Ctrl+D: a bookmark for the paragraph at the top of the view. */
void
_nh_window_add_bookmark (NhWindow *self)
{
  NhSectionPage *page = shown_section_page (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *excerpt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  NhSection *section;
  guint block;

  if (page == NULL || self->reading == NULL || self->edition == NULL)
    return;

  section = nh_section_page_get_section (page);
  block = nh_section_page_get_top_block (page);
  excerpt = block < nh_section_get_n_blocks (section)
            ? nh_block_dup_excerpt (nh_section_get_block (section, block), 12) : g_strdup ("");
  name = g_strdup (nh_section_get_title (section));

  if (!nh_reading_add_bookmark (self->reading, nh_edition_get_id (self->edition), name,
                                nh_section_get_id (section), block, excerpt))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("There are too many bookmarks. Remove some first.")));
      return;
    }

  if (!nh_reading_save (self->reading, &error))
    message = g_strdup_printf (_("The bookmark could not be saved: %s"), error->message);
  else
    /* Translators: %s is the bookmark's name, a section title */
    message = g_strdup_printf (_("Bookmark “%s” added"), name);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Bookmarks"));
  adw_toast_set_action_name (toast, "win.show-bookmarks");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_bookmark_cb (const char *section_id,
                  guint       block,
                  gpointer    user_data)
{
  nh_window_show_place (NH_WINDOW (user_data), section_id, block);
}

void
_nh_window_show_bookmarks (NhWindow *self)
{
  NhBookmarksWindow *bookmarks;

  if (self->reading == NULL || self->edition == NULL)
    return;

  bookmarks = nh_bookmarks_window_new (GTK_WINDOW (self), self->reading, self->edition,
                                       open_bookmark_cb, self);
  gtk_window_present (GTK_WINDOW (bookmarks));
}

/* The words "Ask at the Next Visit" quotes: the text selected in that
 * paragraph, or else its first sentence. */
static GtkLabel *
find_selection (GtkWidget *widget)
{
  int start, end;

  if (GTK_IS_LABEL (widget) && gtk_label_get_selection_bounds (GTK_LABEL (widget), &start, &end))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_selection (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_first_sentence (const char *text)
{
  const char *p;

  for (p = text; *p; p = g_utf8_next_char (p))
    if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0'))
      return g_strndup (text, p + 1 - text);

  return g_strdup (text);
}

static char *
dup_quote (NhWindow   *self,
           NhSection  *section,
           guint       block)
{
  NhSectionPage *page = shown_section_page (self);
  GtkWidget *widget = page ? nh_section_page_get_block_widget (page, block) : NULL;
  GtkLabel *label = widget ? find_selection (widget) : NULL;
  NhBlock *model;
  const char *text;
  const char * const *items;

  if (label != NULL)
    {
      int start, end;
      const char *all = gtk_label_get_text (label);

      gtk_label_get_selection_bounds (label, &start, &end);
      return g_utf8_substring (all, MIN (start, end), MAX (start, end));
    }

  if (block >= nh_section_get_n_blocks (section))
    return NULL;

  model = nh_section_get_block (section, block);
  text = nh_block_get_text (model);
  items = nh_block_get_items (model);
  if ((text == NULL || *text == '\0') && items != NULL && items[0] != NULL)
    text = items[0];
  if (text == NULL || *text == '\0')
    return NULL;

  return dup_first_sentence (text);
}

typedef struct
{
  NhWindow  *window;
  GtkEntry  *entry;
  char      *quote;
  char      *section_id;
  guint      block;
} AskData;

static void
ask_data_free (AskData *data)
{
  g_object_unref (data->window);
  g_free (data->quote);
  g_free (data->section_id);
  g_free (data);
}

static void
ask_entry_changed_cb (GtkEditable       *entry,
                      AdwMessageDialog  *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *text != '\0');
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 AskData          *data)
{
  NhWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  GtkWidget *page;

  if (!g_str_equal (response, "add"))
    return;

  if (!nh_questions_add (self->questions, gtk_editable_get_text (GTK_EDITABLE (data->entry)),
                         data->quote, data->section_id, data->block))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("There are too many questions. Remove some first.")));
      return;
    }

  if (!nh_questions_save (self->questions, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The question could not be saved: %s"), error->message);

      toast = adw_toast_new (message);
    }
  else
    toast = adw_toast_new (_("Question added"));

  if ((page = gtk_stack_get_child_by_name (self->content_stack, NH_PAGE_QUESTIONS)))
    nh_questions_page_reload (NH_QUESTIONS_PAGE (page));

  adw_toast_set_button_label (toast, _("_Questions"));
  adw_toast_set_action_name (toast, "win.show-questions");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "Ask at the Next Visit" on a paragraph: a question quoting it. */
void
_nh_window_ask_question (NhWindow   *self,
                         const char *section_id,
                         guint       block)
{
  NhSection *section;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  AskData *data;
  g_autofree char *quote = NULL;
  g_autofree char *body = NULL;

  if (self->edition == NULL || !(section = nh_edition_find_section (self->edition, section_id, NULL)))
    return;

  quote = dup_quote (self, section, block);
  /* Translators: in the "Ask at the Next Visit" dialog; %s is the quoted
   * sentence of the handbook */
  body = quote ? g_strdup_printf (_("About “%s”"), quote) : NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Ask at the Next Visit"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Question"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your question"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your question"), -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (ask_entry_changed_cb), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);

  data = g_new0 (AskData, 1);
  data->window = g_object_ref (self);
  data->entry = GTK_ENTRY (entry);
  data->quote = g_steal_pointer (&quote);
  data->section_id = g_strdup (section_id);
  data->block = block;
  g_signal_connect_data (dialog, "response", G_CALLBACK (ask_response_cb), data,
                         (GClosureNotify)(void (*)(void))ask_data_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
mark_reading (NhWindow  *self,
              GtkWidget *widget)
{
  if (self->reading_widget != NULL)
    {
      gtk_widget_remove_css_class (self->reading_widget, "nh-reading-aloud");
      g_object_remove_weak_pointer (G_OBJECT (self->reading_widget), (gpointer *)&self->reading_widget);
      self->reading_widget = NULL;
    }

  if (widget != NULL)
    {
      self->reading_widget = widget;
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&self->reading_widget);
      gtk_widget_add_css_class (widget, "nh-reading-aloud");
    }
}

/* A new paragraph is being read: mark it and bring it to the top. */
static void
read_paragraph_cb (NhWindow    *self,
                   guint        index,
                   NhReadAloud *read_aloud)
{
  NhSectionPage *page = shown_section_page (self);
  guint block = self->read_first_block + index;
  GtkWidget *widget = page ? nh_section_page_get_block_widget (page, block) : NULL;

  mark_reading (self, widget);
  if (widget != NULL)
    {
      remember_position (self, block);
      restore_position (self);
    }
}

static void
read_state_cb (NhWindow    *self,
               NhReadAloud *read_aloud)
{
  NhReadAloudState state = nh_read_aloud_get_state (read_aloud);
  gboolean paused = state == NH_READ_ALOUD_PAUSED;
  const char *label = paused ? _("Resume") : _("Pause");

  gtk_action_bar_set_revealed (self->read_aloud_bar, state != NH_READ_ALOUD_IDLE);
  gtk_label_set_text (self->read_aloud_label,
                      state == NH_READ_ALOUD_CONNECTING ? _("Starting the speech service…")
                      : paused ? _("Paused") : _("Reading aloud"));
  gtk_button_set_icon_name (self->read_aloud_pause_button,
                            paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->read_aloud_pause_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_aloud_pause_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  _nh_window_actions_update (self);
}

static void
read_finished_cb (NhWindow    *self,
                  NhReadAloud *read_aloud)
{
  mark_reading (self, NULL);
}

static void
read_failed_cb (NhWindow    *self,
                const char  *message,
                NhReadAloud *read_aloud)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  mark_reading (self, NULL);
  /* It says what to install: it stays until the reader closes it. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Ctrl+R: the section from the paragraph at the top, or the selected
 * words only, in the edition's language. */
void
_nh_window_read_aloud (NhWindow *self)
{
  NhSectionPage *page = shown_section_page (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paragraphs = NULL;
  NhSection *section;
  guint n;

  if (page == NULL || self->edition == NULL)
    return;

  if (self->read_aloud == NULL)
    {
      self->read_aloud = nh_read_aloud_new ();
      g_signal_connect_object (self->read_aloud, "paragraph", G_CALLBACK (read_paragraph_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->read_aloud, "state-changed", G_CALLBACK (read_state_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->read_aloud, "finished", G_CALLBACK (read_finished_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->read_aloud, "failed", G_CALLBACK (read_failed_cb), self, G_CONNECT_SWAPPED);
    }

  section = nh_section_page_get_section (page);
  n = nh_section_page_get_n_blocks_shown (page);

  /* Selected words first. */
  for (guint b = 0; b < n; b++)
    {
      GtkLabel *label = find_selection (nh_section_page_get_block_widget (page, b));

      if (label != NULL)
        {
          int start, end;
          g_autofree char *words = NULL;

          gtk_label_get_selection_bounds (label, &start, &end);
          words = g_utf8_substring (gtk_label_get_text (label), MIN (start, end), MAX (start, end));
          g_strv_builder_add (builder, words);
          self->read_first_block = b;
          paragraphs = g_strv_builder_end (builder);
          nh_read_aloud_start (self->read_aloud, nh_edition_get_language (self->edition),
                               (const char * const *)paragraphs);
          return;
        }
    }

  self->read_first_block = nh_section_page_get_top_block (page);
  for (guint b = self->read_first_block; b < nh_section_get_n_blocks (section); b++)
    {
      NhBlock *block = nh_section_get_block (section, b);
      const char * const *items = nh_block_get_items (block);

      if (items != NULL && items[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv ("\n", (char **)items);

          g_strv_builder_add (builder, joined);
        }
      else
        g_strv_builder_add (builder, nh_block_get_text (block) ? nh_block_get_text (block) : "");
    }

  paragraphs = g_strv_builder_end (builder);
  nh_read_aloud_start (self->read_aloud, nh_edition_get_language (self->edition),
                       (const char * const *)paragraphs);
}

void
_nh_window_read_aloud_pause (NhWindow *self)
{
  if (self->read_aloud == NULL)
    return;

  if (nh_read_aloud_get_state (self->read_aloud) == NH_READ_ALOUD_PAUSED)
    nh_read_aloud_resume (self->read_aloud);
  else
    nh_read_aloud_pause (self->read_aloud);
}

void
_nh_window_read_aloud_stop (NhWindow *self)
{
  if (self->read_aloud != NULL)
    nh_read_aloud_stop (self->read_aloud);
}

/* For tests: what is being read, or NULL. */
NhReadAloud *
nh_window_get_read_aloud (NhWindow *self)
{
  g_return_val_if_fail (NH_IS_WINDOW (self), NULL);
  return self->read_aloud;
}

/* For what happened elsewhere, such as an edition installed from a dialog. */
void
nh_window_add_toast (NhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (NH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
