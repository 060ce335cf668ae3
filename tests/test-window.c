/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the main window: opening, search, history, text size, folding */

#include "config.h"

#include "nh-test-ui.h"
#include "model/nh-questions.h"
#include "ui/nh-bookmarks-window.h"
#include "ui/nh-section-page.h"
#include "ui/nh-sidebar-row.h"

static GtkWidget *
find_page_title (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "nh-page-title"))
        return child;
      if ((found = find_page_title (child)))
        return found;
    }

  return NULL;
}

/* The percentage shown in the primary menu's text-size control. */
static GtkLabel *
find_zoom_label (NhWindow *window)
{
  GtkMenuButton *button = NULL;
  GtkWidget *popover;
  GtkWidget *stack[64];
  guint n = 0;

  /* Walk the header bar for the menu button, then its popover. */
  stack[n++] = GTK_WIDGET (window);
  while (n > 0 && button == NULL)
    {
      GtkWidget *widget = stack[--n];

      if (GTK_IS_MENU_BUTTON (widget))
        button = GTK_MENU_BUTTON (widget);
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c && n < 64; c = gtk_widget_get_next_sibling (c))
        stack[n++] = c;
    }
  g_assert_nonnull (button);

  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  n = 0;
  stack[n++] = popover;
  while (n > 0)
    {
      GtkWidget *widget = stack[--n];

      if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), "%"))
        return GTK_LABEL (widget);
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c && n < 64; c = gtk_widget_get_next_sibling (c))
        stack[n++] = c;
    }

  g_assert_not_reached ();
}

static void
test_opens_on_first_section (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  GtkWidget *title;

  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");
  title = find_page_title (GTK_WIDGET (window));
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Overview");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));
  g_assert_false (nh_window_get_folded (window));

  nh_test_ui_close_window (window);
}

static void
test_search_opens_section (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  GListModel *results;
  g_autoptr(GObject) first = NULL;

  nh_test_ui_activate (GTK_WIDGET (window), "win.search", NULL);
  nh_window_set_search_text (window, "genetic testing");
  results = nh_window_get_search_results (window);
  g_assert_nonnull (results);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);

  g_assert_true (nh_window_activate_search_result (window, 0));
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "diagnosis");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_page_title (GTK_WIDGET (window)))),
                   ==, "Diagnosis");

  /* Nothing found: the status page, not an empty list. */
  nh_window_set_search_text (window, "xylophone");
  g_assert_cmpuint (g_list_model_get_n_items (nh_window_get_search_results (window)), ==, 0);

  nh_test_ui_close_window (window);
}

/* A visible button whose label starts with @prefix. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (child)), prefix))
        return child;
      if ((found = find_button (child, prefix)))
        return found;
    }

  return NULL;
}

/* A visible label whose text starts with @prefix. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), prefix))
        return child;
      if ((found = find_label (child, prefix)))
        return found;
    }

  return NULL;
}

/* The checklist is found by what parents type, and a misspelling gets a
 * suggestion that, clicked, searches again. */
static void
test_search_tools_and_suggestion (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  GListModel *results;
  GtkWidget *button;

  nh_test_ui_activate (GTK_WIDGET (window), "win.search", NULL);
  nh_window_set_search_text (window, "fever");
  /* Each result says where it is. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Checklist"));
  g_assert_true (nh_window_activate_search_result (window, 0));
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "@checklist");

  nh_window_set_search_text (window, "imunoglobulin");
  g_assert_cmpuint (g_list_model_get_n_items (nh_window_get_search_results (window)), ==, 0);
  button = find_button (GTK_WIDGET (window), "Did you mean “immunoglobulin”?");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  results = nh_window_get_search_results (window);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);

  /* Nothing close: no suggestion. */
  nh_window_set_search_text (window, "xylophone");
  g_assert_null (find_button (GTK_WIDGET (window), "Did you mean"));

  nh_test_ui_close_window (window);
}

static NhSectionPage *
find_section_page (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NhSectionPage *found;

      if (NH_IS_SECTION_PAGE (child) && gtk_widget_get_mapped (child))
        return NH_SECTION_PAGE (child);
      if ((found = find_section_page (child)))
        return found;
    }

  return NULL;
}

static guint expected_top_block;

static gboolean
top_block_is_expected (gpointer data)
{
  NhSectionPage *page = find_section_page (GTK_WIDGET (data));

  return page != NULL && nh_section_page_get_top_block (page) == expected_top_block;
}

/* Lets the idle work after a layout change run. */
static void
settle (void)
{
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/* The paragraph at the top stays there when the text size or the window
 * width changes, and the app reopens there. */
static void
test_reading_position (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  GSettings *settings = nh_application_get_settings (nh_test_ui_get_app ());
  GtkAdjustment *vadj;
  double before;

  g_assert_true (nh_window_show_place (window, "overview", 7));
  expected_top_block = 7;
  g_assert_true (nh_test_ui_wait_for (top_block_is_expected, window));
  settle ();
  g_assert_true (top_block_is_expected (window));

  vadj = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (find_section_page (GTK_WIDGET (window))),
                                                  GTK_TYPE_SCROLLED_WINDOW)));
  before = gtk_adjustment_get_value (vadj);

  g_settings_set_double (settings, "text-scale", 1.6);
  settle ();
  g_assert_true (top_block_is_expected (window));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, before);

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  settle ();
  g_assert_true (top_block_is_expected (window));

  g_settings_set_double (settings, "text-scale", 1.0);
  settle ();
  g_assert_true (top_block_is_expected (window));

  /* Closed and opened again: the same section and paragraph. */
  gtk_window_destroy (GTK_WINDOW (window));
  while (gtk_application_get_windows (GTK_APPLICATION (nh_test_ui_get_app ())))
    g_main_context_iteration (NULL, TRUE);
  window = NH_WINDOW (nh_application_open_window (nh_test_ui_get_app ()));
  settle ();
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");
  g_assert_true (nh_test_ui_wait_for (top_block_is_expected, window));

  nh_test_ui_close_window (window);
}

static void
collect_buttons (GtkWidget  *widget,
                 const char *tooltip,
                 GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        g_ptr_array_add (found, child);
      collect_buttons (child, tooltip, found);
    }
}

/* The @nth button (from 0, in widget order) with @tooltip. */
static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip,
                        guint       nth)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_buttons (widget, tooltip, found);
  return nth < found->len ? g_ptr_array_index (found, nth) : NULL;
}

static GtkWindow *
find_bookmarks_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (nh_test_ui_get_app ()));

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = l->next)
    if (NH_IS_BOOKMARKS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  (void)windows;
  return NULL;
}

/* Ctrl+D keeps the paragraph at the top; the Bookmarks list opens it, and
 * says so when a bookmark's place is not in this edition. */
static void
test_bookmarks (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhStore *store = nh_application_get_store (nh_test_ui_get_app ());
  g_autoptr(NhReading) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *bookmarks;
  GtkWidget *open;

  g_assert_true (nh_window_show_place (window, "overview", 7));
  expected_top_block = 7;
  g_assert_true (nh_test_ui_wait_for (top_block_is_expected, window));
  settle ();

  nh_test_ui_activate (GTK_WIDGET (window), "win.add-bookmark", NULL);
  saved = nh_reading_new (store, NULL);
  g_assert_cmpuint (nh_reading_get_n_bookmarks (saved, "nemo-handbook-en"), ==, 1);
  g_assert_cmpstr (nh_reading_get_bookmark (saved, "nemo-handbook-en", 0)->section_id, ==, "overview");
  g_assert_cmpuint (nh_reading_get_bookmark (saved, "nemo-handbook-en", 0)->block, ==, 7);
  g_assert_cmpstr (nh_reading_get_bookmark (saved, "nemo-handbook-en", 0)->name, ==, "Overview");

  /* Elsewhere, then back through the list. */
  nh_window_show_section (window, "diagnosis");
  nh_test_ui_activate (GTK_WIDGET (window), "win.show-bookmarks", NULL);
  bookmarks = find_bookmarks_window ();
  g_assert_nonnull (bookmarks);
  open = find_button_by_tooltip (GTK_WIDGET (bookmarks), "Open", 0);
  g_assert_nonnull (open);
  g_assert_true (gtk_widget_get_sensitive (open));
  g_signal_emit_by_name (open, "clicked");
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");
  g_assert_true (nh_test_ui_wait_for (top_block_is_expected, window));
  nh_test_ui_close_window (window);

  /* A bookmark from another edition of the same id, whose section is gone. */
  nh_reading_add_bookmark (saved, "nemo-handbook-en", "Old", "no-such-section", 2, "Gone");
  g_assert_true (nh_reading_save (saved, &error));
  g_assert_no_error (error);
  window = NH_WINDOW (nh_application_open_window (nh_test_ui_get_app ()));
  nh_test_ui_activate (GTK_WIDGET (window), "win.show-bookmarks", NULL);
  bookmarks = find_bookmarks_window ();
  g_assert_nonnull (bookmarks);
  g_assert_nonnull (find_label (GTK_WIDGET (bookmarks), "Not in this edition"));
  g_assert_false (gtk_widget_get_sensitive (find_button_by_tooltip (GTK_WIDGET (bookmarks), "Open", 1)));

  /* Remove: gone from the list and from the file. */
  g_signal_emit_by_name (find_button_by_tooltip (GTK_WIDGET (bookmarks), "Remove", 1), "clicked");
  {
    g_autoptr(NhReading) after = nh_reading_new (store, NULL);

    g_assert_cmpuint (nh_reading_get_n_bookmarks (after, "nemo-handbook-en"), ==, 1);
  }
  gtk_window_destroy (bookmarks);
  nh_test_ui_close_window (window);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static GtkEditable *
find_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found;

      if (GTK_IS_ENTRY (child))
        return GTK_EDITABLE (child);
      if ((found = find_entry (child)))
        return found;
    }

  return NULL;
}

/* "Ask at the Next Visit" on a paragraph quotes its first sentence and
 * keeps the place; the Questions page lists it. */
static void
test_ask_question (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhStore *store = nh_application_get_store (nh_test_ui_get_app ());
  g_autoptr(NhQuestions) saved = NULL;
  AdwMessageDialog *dialog;
  const NhQuestion *question;

  nh_store_remove (store, NH_QUESTIONS_FILE, NULL);
  nh_window_show_section (window, "treatment");
  nh_test_ui_activate (GTK_WIDGET (window), "win.ask-question", g_variant_new ("(su)", "treatment", 1));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (find_entry (GTK_WIDGET (dialog)), "Does he need Ig before the trip?");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));

  saved = nh_questions_new (store, NULL);
  g_assert_cmpuint (nh_questions_get_n (saved), ==, 1);
  question = nh_questions_get (saved, 0);
  g_assert_cmpstr (question->text, ==, "Does he need Ig before the trip?");
  g_assert_cmpstr (question->quote, ==, "People with antibody problems get immunoglobulin (Ig) replacement therapy.");
  g_assert_cmpstr (question->section_id, ==, "treatment");
  g_assert_cmpuint (question->block, ==, 1);

  nh_test_ui_activate (GTK_WIDGET (window), "win.show-questions", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "@questions");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));

  /* From the question back to the paragraph it quotes. */
  nh_test_ui_activate (GTK_WIDGET (window), "win.show-place", g_variant_new ("(su)", "treatment", 1));
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "treatment");

  nh_store_remove (store, NH_QUESTIONS_FILE, NULL);
  nh_test_ui_close_window (window);
}

static void
test_history_and_section_keys (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  GtkWidget *widget = GTK_WIDGET (window);

  g_assert_true (nh_window_show_section (window, "diagnosis"));
  g_assert_true (nh_window_show_section (window, "treatment"));
  g_assert_false (nh_window_show_section (window, "no-such-section"));

  nh_test_ui_activate (widget, "win.go-back", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "diagnosis");
  nh_test_ui_activate (widget, "win.go-back", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");
  nh_test_ui_activate (widget, "win.go-forward", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "diagnosis");

  nh_test_ui_activate (widget, "win.next-section", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "treatment");
  nh_test_ui_activate (widget, "win.previous-section", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "diagnosis");

  nh_test_ui_activate (widget, "win.show-section", g_variant_new_string ("about"));
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "about");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "next-section"));

  nh_test_ui_close_window (window);
}

typedef struct
{
  GtkWidget *widget;
  int        than;
} TallerCheck;

static gboolean
is_taller (gpointer data)
{
  TallerCheck *check = data;
  int height;

  gtk_widget_measure (check->widget, GTK_ORIENTATION_VERTICAL, 300, NULL, &height, NULL, NULL);
  return height > check->than;
}

static void
test_text_size_saved (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  GSettings *settings = nh_application_get_settings (nh_test_ui_get_app ());
  GtkWidget *title;
  int normal_height;

  g_settings_set_double (settings, "text-scale", 1.0);
  title = find_page_title (GTK_WIDGET (window));
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 300, NULL, &normal_height, NULL, NULL);

  nh_test_ui_activate (GTK_WIDGET (window), "app.text-bigger", NULL);
  nh_test_ui_activate (GTK_WIDGET (window), "app.text-bigger", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.2, 0.001);

  /* The page really gets larger once restyled. */
  g_assert_true (nh_test_ui_wait_for (is_taller, &(TallerCheck) { title, normal_height }));
  g_assert_cmpstr (gtk_label_get_text (find_zoom_label (window)), ==, "120%");

  nh_test_ui_activate (GTK_WIDGET (window), "app.text-smaller", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.1, 0.001);
  nh_test_ui_activate (GTK_WIDGET (window), "app.text-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "text-scale"), 1.0, 0.001);

  nh_test_ui_close_window (window);
}

static gboolean
is_folded (gpointer data)
{
  return nh_window_get_folded (NH_WINDOW (data));
}

static void
test_narrow_folds (void)
{
  NhWindow *window = nh_test_ui_open_window (360, 640);

  g_assert_true (nh_test_ui_wait_for (is_folded, window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-section"));

  /* Opening a section shows the page; back returns to the list. */
  nh_window_show_section (window, "treatment");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "go-back"));

  nh_test_ui_close_window (window);
}

static AdwLeaflet *
find_leaflet (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwLeaflet *found;

      if (ADW_IS_LEAFLET (child))
        return ADW_LEAFLET (child);
      if ((found = find_leaflet (child)))
        return found;
    }

  return NULL;
}

static gboolean
shows_page (NhWindow *window)
{
  AdwLeaflet *leaflet = find_leaflet (GTK_WIDGET (window));
  GtkWidget *visible = adw_leaflet_get_visible_child (leaflet);

  /* The page side holds the content stack; the list side, the sidebar. */
  return gtk_widget_get_hexpand (visible);
}

/* Narrow: the header's Back goes from a section to the list of sections at
 * once, however many pages came before; Alt+Left still walks the history. */
static void
test_narrow_back_to_list (void)
{
  NhWindow *window = nh_test_ui_open_window (360, 640);

  g_assert_true (nh_test_ui_wait_for (is_folded, window));
  g_assert_false (shows_page (window));

  nh_window_show_section (window, "treatment");
  nh_window_show_section (window, "diagnosis");
  nh_window_show_section (window, "infections");
  g_assert_true (shows_page (window));

  nh_test_ui_activate (GTK_WIDGET (window), "win.back-button", NULL);
  g_assert_false (shows_page (window));
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "infections");

  nh_window_show_section (window, "infections");
  g_assert_true (shows_page (window));
  nh_test_ui_activate (GTK_WIDGET (window), "win.go-back", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "diagnosis");
  g_assert_true (shows_page (window));

  nh_test_ui_close_window (window);
}

/* Wide: the same button walks the history. */
static void
test_wide_back_is_history (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);

  nh_window_show_section (window, "treatment");
  nh_window_show_section (window, "diagnosis");
  nh_test_ui_activate (GTK_WIDGET (window), "win.back-button", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "treatment");

  nh_test_ui_close_window (window);
}

/* Tabbing through the window, as a parent without a mouse would, never
 * leaves the checklist: GTK selects a sidebar row the keyboard lands on,
 * but only Enter opens it. */
static void
test_tab_does_not_leave_page (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhSidebarRow *landed = NULL;

  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "@checklist");

  for (guint i = 0; i < 300 && landed == NULL; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpstr (nh_window_get_section_id (window), ==, "@checklist");

      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (NH_IS_SIDEBAR_ROW (focus))
        landed = NH_SIDEBAR_ROW (focus);
    }

  /* Tab reached a section in the sidebar without opening it; Enter does. */
  g_assert_nonnull (landed);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (landed)));
  g_assert_cmpstr (nh_window_get_section_id (window), ==,
                   nh_section_get_id (nh_sidebar_row_get_section (landed)));

  nh_test_ui_close_window (window);
}

static void
assert_no_tab_trap (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_text_view_get_editable (GTK_TEXT_VIEW (widget)))
    g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_tab_trap (child);
}

/* A multi-line field that takes Tab as text keeps someone without a mouse
 * in it for good; in every form of the app, Tab moves on. */
static void
test_no_field_keeps_tab (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);

  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);
  nh_test_ui_activate (GTK_WIDGET (window), "win.show-card-editor", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "@card");
  assert_no_tab_trap (GTK_WIDGET (window));

  nh_test_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/window/opens-on-first-section", test_opens_on_first_section);
  g_test_add_func ("/nh/window/search-opens-section", test_search_opens_section);
  g_test_add_func ("/nh/window/search-tools-and-suggestion", test_search_tools_and_suggestion);
  g_test_add_func ("/nh/window/history-and-section-keys", test_history_and_section_keys);
  g_test_add_func ("/nh/window/text-size-saved", test_text_size_saved);
  g_test_add_func ("/nh/window/narrow-folds", test_narrow_folds);
  g_test_add_func ("/nh/window/reading-position", test_reading_position);
  g_test_add_func ("/nh/window/bookmarks", test_bookmarks);
  g_test_add_func ("/nh/window/ask-question", test_ask_question);
  g_test_add_func ("/nh/window/narrow-back-to-list", test_narrow_back_to_list);
  g_test_add_func ("/nh/window/wide-back-is-history", test_wide_back_is_history);
  g_test_add_func ("/nh/window/tab-does-not-leave-page", test_tab_does_not_leave_page);
  g_test_add_func ("/nh/window/no-field-keeps-tab", test_no_field_keeps_tab);

  return g_test_run ();
}
