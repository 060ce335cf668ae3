/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-card-ui.c: the emergency card page and the staff view, driven as a user would */

#include "config.h"

#include <glib/gstdio.h>

#include "nh-cli.h"
#include "nh-test-tmp.h"
#include "nh-test-ui.h"
#include "ui/nh-card-editor-private.h"

static char *card_path;

static NhCardEditor *
find_editor (GtkWidget *widget)
{
  if (NH_IS_CARD_EDITOR (widget))
    return NH_CARD_EDITOR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NhCardEditor *found = find_editor (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
editor_mapped (gpointer data)
{
  NhCardEditor *editor = find_editor (GTK_WIDGET (data));

  return editor != NULL && gtk_widget_get_mapped (_nh_card_editor_get_preview (editor, NH_CARD_FRONT));
}

static NhCardEditor *
open_card_page (NhWindow **window)
{
  *window = nh_test_ui_open_window (1200, 800);
  g_assert_true (nh_window_show_section (*window, "@card"));
  g_assert_cmpstr (nh_window_get_section_id (*window), ==, "@card");
  g_assert_true (nh_test_ui_wait_for (editor_mapped, *window));

  return find_editor (GTK_WIDGET (*window));
}

static void
type_into (NhCardEditor *editor,
           const char   *field_id,
           const char   *text)
{
  GtkWidget *widget = _nh_card_editor_get_field_widget (editor, field_id);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* The pixels a widget shows now, drawn by the window's own renderer, as
 * its parent would draw it in the next frame. */
static GBytes *
pixels_of (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  graphene_rect_t bounds;
  int width, height;
  guchar *data;

  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &bounds);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 50);
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);

  return g_bytes_new_take (data, width * height * 4);
}

/* Runs first: the saved card was damaged before the app started. */
static void
test_damaged_file_told (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  NhCard *card = nh_card_editor_get_card (editor);
  GtkLabel *notice = _nh_card_editor_get_notice (editor);
  const char *backup = nh_card_get_backup_path (card);

  g_assert_nonnull (notice);
  g_assert_nonnull (backup);
  /* In plain words, with where the old file is. */
  g_assert_nonnull (strstr (gtk_label_get_text (notice), "could not be read"));
  g_assert_nonnull (strstr (gtk_label_get_text (notice), backup));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (card_path, G_FILE_TEST_EXISTS));
  g_assert_true (nh_card_is_empty (card));

  /* The editor starts empty, with the edition's diagnosis filled in. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_nh_card_editor_get_field_widget (editor, "child_name"))),
                   ==, "");
  g_assert_cmpstr (nh_card_get_text (card, "diagnosis"), ==,
                   nh_edition_get_card_diagnosis_default (nh_application_get_edition (nh_test_ui_get_app ())));

  nh_test_ui_close_window (window);
}

static void
test_edit_changes_preview (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  NhCard *card = nh_card_editor_get_card (editor);
  GtkWidget *front = _nh_card_editor_get_preview (editor, NH_CARD_FRONT);
  GtkWidget *back = _nh_card_editor_get_preview (editor, NH_CARD_BACK);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) back_before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) back_after = NULL;
  g_autoptr(GBytes) again = NULL;

  /* The first change dates the card, on both sides' footers. */
  type_into (editor, "weight", "18 kg");
  before = pixels_of (front);
  back_before = pixels_of (back);

  type_into (editor, "child_name", "Alex Example");
  g_assert_cmpstr (nh_card_get_text (card, "child_name"), ==, "Alex Example");

  /* The front shows the name at once; the back did not change. */
  after = pixels_of (front);
  back_after = pixels_of (back);
  g_assert_false (g_bytes_equal (before, after));
  g_assert_true (g_bytes_equal (back_before, back_after));

  /* A multi-line field on the back. */
  type_into (editor, "allergies", "Penicillin: rash");
  g_assert_cmpstr (nh_card_get_text (card, "allergies"), ==, "Penicillin: rash");
  g_clear_pointer (&back_after, g_bytes_unref);
  back_after = pixels_of (back);
  g_assert_false (g_bytes_equal (back_before, back_after));

  /* Taking it out again draws what was there before. */
  type_into (editor, "child_name", "");
  again = pixels_of (front);
  g_assert_true (g_bytes_equal (before, again));

  type_into (editor, "allergies", "");
  type_into (editor, "weight", "");
  nh_test_ui_close_window (window);
}

static gboolean
birth_date_message_shown (gpointer data)
{
  return _nh_card_editor_get_message (NH_CARD_EDITOR (data), "birth_date") != NULL;
}

static void
test_invalid_marked_and_kept (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  NhCard *card = nh_card_editor_get_card (editor);
  GtkWidget *row = _nh_card_editor_get_field_row (editor, "birth_date");
  GtkWidget *entry = _nh_card_editor_get_field_widget (editor, "birth_date");
  GtkLabel *message;

  type_into (editor, "birth_date", "2019-02-30");
  /* While typing, a mistake is shown only after a pause (waited for, not
   * slept: a sanitizer build is slow). */
  g_assert_null (_nh_card_editor_get_message (editor, "birth_date"));
  g_assert_true (nh_test_ui_wait_for (birth_date_message_shown, editor));

  message = _nh_card_editor_get_message (editor, "birth_date");
  g_assert_nonnull (message);
  g_assert_cmpstr (gtk_label_get_text (message), ==, "There is no such date. Check the day and the month.");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* Kept in the field and in the card. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2019-02-30");
  g_assert_cmpstr (nh_card_get_text (card, "birth_date"), ==, "2019-02-30");

  /* Right again: the mark goes at once, and the date shows as printed. */
  type_into (editor, "birth_date", "2019-02-28");
  g_assert_null (_nh_card_editor_get_message (editor, "birth_date"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_label_get_text (_nh_card_editor_get_counter (editor, "birth_date")), ==, "28 Feb 2019");

  /* A phone number with letters, shown when leaving the field. */
  type_into (editor, "contact1_phone", "mum's mobile");
  _nh_card_editor_show_checks (editor);
  message = _nh_card_editor_get_message (editor, "contact1_phone");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "digits"));
  g_assert_true (gtk_widget_has_css_class (_nh_card_editor_get_field_row (editor, "contact1_phone"), "error"));

  /* The missing name counts once something else is on the card. */
  g_assert_nonnull (_nh_card_editor_get_message (editor, "child_name"));

  type_into (editor, "birth_date", "");
  type_into (editor, "contact1_phone", "");
  _nh_card_editor_show_checks (editor);
  g_assert_null (_nh_card_editor_get_message (editor, "contact1_phone"));
  g_assert_null (_nh_card_editor_get_message (editor, "child_name"));
  nh_test_ui_close_window (window);
}

static void
test_counter_near_cap (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  GtkLabel *counter = _nh_card_editor_get_counter (editor, "hospital");
  g_autofree char *near = g_strnfill (60, 'h');
  g_autofree char *over = g_strnfill (75, 'h');

  type_into (editor, "hospital", "St Example");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (counter)));

  type_into (editor, "hospital", near);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (counter)));
  g_assert_cmpstr (gtk_label_get_text (counter), ==, "60/70");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (counter), "error"));

  /* Over the cap: kept, counted, marked. */
  type_into (editor, "hospital", over);
  _nh_card_editor_show_checks (editor);
  g_assert_cmpstr (gtk_label_get_text (counter), ==, "75/70");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (counter), "error"));
  g_assert_nonnull (_nh_card_editor_get_message (editor, "hospital"));
  g_assert_cmpstr (nh_card_get_text (nh_card_editor_get_card (editor), "hospital"), ==, over);

  type_into (editor, "hospital", "");
  nh_test_ui_close_window (window);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *)data)->done;
}

static void
test_copy_phone (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  GtkWidget *button = _nh_card_editor_get_copy_button (editor, "centre_phone");
  ClipboardRead read = { NULL, FALSE };

  g_assert_nonnull (button);
  g_assert_null (_nh_card_editor_get_copy_button (editor, "centre_name"));
  /* Named for screen readers, and only usable with a number to copy. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Copy the phone number");
  g_assert_false (gtk_widget_get_sensitive (button));

  type_into (editor, "centre_phone", " +44 20 7946 0000 ");
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, read_text_cb, &read);
  g_assert_true (nh_test_ui_wait_for (read_done, &read));
  g_assert_cmpstr (read.text, ==, "+44 20 7946 0000");
  g_free (read.text);

  type_into (editor, "centre_phone", "");
  nh_test_ui_close_window (window);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer)gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static int
position_of (GPtrArray  *texts,
             const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), text))
      return i;

  g_error ("“%s” is not shown", text);
}

static gboolean
view_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static gboolean
view_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
test_staff_view (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  NhCardView *view;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);
  g_autoptr(GListModel) controllers = NULL;
  GtkShortcut *leave = NULL;
  g_autofree char *phone = NULL;
  gpointer weak;

  type_into (editor, "child_name", "Alex Example");
  type_into (editor, "centre_phone", "+44 20 7946 0000");
  type_into (editor, "allergies", "Penicillin: rash");
  type_into (editor, "ig_product", "Brand X");

  /* One click on "Show to Staff". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.show-staff", NULL));
  view = _nh_card_editor_get_staff_view (editor);
  g_assert_nonnull (view);
  g_assert_true (nh_test_ui_wait_for (view_mapped, view));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view), "nh-staff-view"));

  /* The most important lines first. The number as shown: kept in order in
   * right-to-left text and on one line. */
  phone = nh_card_dup_phone_display ("+44 20 7946 0000");
  collect_labels (GTK_WIDGET (view), texts);
  g_assert_cmpint (position_of (texts, "Alex Example"), <, position_of (texts, "Diagnosis"));
  g_assert_cmpint (position_of (texts, "Diagnosis"), <, position_of (texts, "What to do"));
  g_assert_cmpint (position_of (texts, "What to do"), <,
                   position_of (texts, nh_edition_get_card_instructions (nh_application_get_edition (nh_test_ui_get_app ()))[0]));
  g_assert_cmpint (position_of (texts, "What to do"), <, position_of (texts, "Who to call"));
  g_assert_cmpint (position_of (texts, "Who to call"), <, position_of (texts, phone));
  g_assert_cmpint (position_of (texts, phone), <, position_of (texts, "Penicillin: rash"));
  g_assert_cmpint (position_of (texts, "Penicillin: rash"), <, position_of (texts, "Brand X"));

  /* Asking again brings back the same view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "card.show-staff", NULL));
  g_assert_true (_nh_card_editor_get_staff_view (editor) == view);

  /* Escape leaves it. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && leave == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)) && leave == NULL; k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            leave = shortcut;
        }
    }
  g_assert_nonnull (leave);

  weak = view;
  g_object_add_weak_pointer (G_OBJECT (view), &weak);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (leave), 0, GTK_WIDGET (view), NULL));
  g_assert_true (nh_test_ui_wait_for (view_gone, &weak));
  g_assert_null (_nh_card_editor_get_staff_view (editor));

  type_into (editor, "child_name", "");
  type_into (editor, "centre_phone", "");
  type_into (editor, "allergies", "");
  type_into (editor, "ig_product", "");
  nh_test_ui_close_window (window);
}

static void
test_print_settings (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  NhCard *card = nh_card_editor_get_card (editor);
  GtkWidget *front = _nh_card_editor_get_preview (editor, NH_CARD_FRONT);
  int wallet_height, a6_height;

  /* Ctrl+P prints the card from its page. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));

  g_assert_false (nh_card_get_show_qr (card));
  g_assert_cmpstr (nh_card_get_paper (card), ==, "id1");
  gtk_widget_measure (front, GTK_ORIENTATION_VERTICAL, -1, NULL, &wallet_height, NULL, NULL);

  nh_card_set_paper (card, "a6");
  gtk_widget_measure (front, GTK_ORIENTATION_VERTICAL, -1, NULL, &a6_height, NULL, NULL);
  /* Half an A6 page is a little squarer than a wallet card. */
  g_assert_cmpint (a6_height, >, wallet_height);

  nh_card_set_paper (card, "id1");
  nh_card_set_show_qr (card, FALSE);
  nh_test_ui_close_window (window);
}

static void
test_saved_on_close (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  g_autofree char *contents = NULL;

  gpointer weak = editor;

  /* Closing the window straight after typing loses nothing. */
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  type_into (editor, "staff_notes", "Typed just before closing");
  nh_test_ui_close_window (window);
  /* … and the page goes with its window. */
  g_assert_true (nh_test_ui_wait_for (view_gone, &weak));

  g_assert_true (g_file_get_contents (card_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Typed just before closing"));
}

static char *
run_tool (const char *program,
          const char *path)
{
  const char *argv[] = { program, path, "-", NULL };
  char *out = NULL;
  int status;

  if (g_str_equal (program, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static int
export (const char *output,
        const char *paper,
        gboolean    blank)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  g_variant_dict_insert (options, "export", "s", "emergency-card");
  g_variant_dict_insert_value (options, "output", g_variant_new_bytestring (output));
  if (paper != NULL)
    g_variant_dict_insert (options, "paper", "s", paper);
  if (blank)
    g_variant_dict_insert (options, "blank", "b", TRUE);

  return nh_cli_export (options, NULL);
}

/* nemo-handbook --export=emergency-card --output=FILE.pdf [--paper] [--blank]:
 * the saved card, with no window. Runs after saved-on-close. */
static void
test_export_command_line (void)
{
  g_autofree char *path = nh_test_tmp_path ("card-cli.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *blank_text = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  /* The wallet card by default. */
  g_assert_cmpint (export (path, NULL, FALSE), ==, 0);
  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Page size:       242.646 x 153.071 pts"));
  g_assert_nonnull (strstr (info, "Pages:           2"));
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Typed just before closing"));

  g_assert_cmpint (export (path, "a6", TRUE), ==, 0);
  blank_text = run_tool ("pdftotext", path);
  g_assert_null (strstr (blank_text, "Typed just before closing"));
  g_assert_nonnull (strstr (blank_text, "Based on information from"));

  /* Cards come in four sizes. */
  g_assert_cmpint (export (path, "a5", FALSE), ==, 2);
  g_unlink (path);
}

static int
export_kind (const char *kind,
             const char *output,
             const char *paper,
             const char *size)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  g_variant_dict_insert (options, "export", "s", kind);
  if (output != NULL)
    g_variant_dict_insert_value (options, "output", g_variant_new_bytestring (output));
  if (paper != NULL)
    g_variant_dict_insert (options, "paper", "s", paper);
  if (size != NULL)
    g_variant_dict_insert (options, "size", "s", size);

  return nh_cli_export (options, NULL);
}

/* --export=lock-screen --output=FILE.png [--size=WxH] and
 * --export=letter --output=FILE.pdf [--paper=a4|letter] from the saved
 * card. Runs after saved-on-close. */
static void
test_export_lock_screen_and_letter (void)
{
  g_autofree char *png = nh_test_tmp_path ("lock-cli.png");
  g_autofree char *pdf = nh_test_tmp_path ("letter-cli.pdf");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *image;

  g_assert_cmpint (export_kind ("lock-screen", png, NULL, NULL), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1080);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2340);
  cairo_surface_destroy (image);

  g_assert_cmpint (export_kind ("lock-screen", png, NULL, "1080x1920"), ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1920);
  cairo_surface_destroy (image);
  g_unlink (png);

  /* Sizes are pixels, papers are for paper. */
  g_assert_cmpint (export_kind ("lock-screen", png, NULL, "huge"), ==, 2);
  g_assert_cmpint (export_kind ("lock-screen", png, "a4", NULL), ==, 2);
  g_assert_cmpint (export_kind ("lock-screen", NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (export_kind ("emergency-card", pdf, NULL, "1080x2340"), ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  if (pdfinfo == NULL)
    return;

  g_assert_cmpint (export_kind ("letter", pdf, NULL, NULL), ==, 0);
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "Page size:       595.276 x 841.89 pts"));
  g_assert_nonnull (strstr (info, "Pages:           1"));
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Typed just before closing"));
  g_assert_cmpint (export_kind ("letter", pdf, "letter", NULL), ==, 0);
  g_assert_cmpint (export_kind ("letter", pdf, "id1", NULL), ==, 2);
  g_unlink (pdf);
}

static gboolean
status_shown (gpointer data)
{
  return _nh_card_editor_get_status (data) != NULL;
}

static gboolean
status_says_second_card (gpointer data)
{
  GtkLabel *status = _nh_card_editor_get_status (data);

  return status != NULL && strstr (gtk_label_get_text (status), "a second card") != NULL;
}

/* As the family types, the page says for each size whether the card fits
 * and which lines would go on a second card. */
static void
test_fit_shown_live (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  GtkLabel *status;

  type_into (editor, "child_name", "Maximilian Alexander Example-Thompson");
  g_assert_true (nh_test_ui_wait_for (status_shown, editor));
  status = _nh_card_editor_get_status (editor);
  g_assert_nonnull (strstr (gtk_label_get_text (status), "Wallet card: everything fits."));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "A6 card: everything fits on one page."));

  for (guint i = 1; i <= NH_CARD_MAX_CONTACTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("contact%u_name", i);
      g_autofree char *relationship = g_strdup_printf ("contact%u_relationship", i);
      g_autofree char *phone = g_strdup_printf ("contact%u_phone", i);

      type_into (editor, name, "Margaret Example-Longname of Somewhere");
      type_into (editor, relationship, "grandmother on father's side");
      type_into (editor, phone, "+44 7700 900789 ext. 12");
    }
  type_into (editor, "antibiotics", "Co-trimoxazole 240 mg once daily; azithromycin 100 mg three times a week");
  type_into (editor, "medicines", "Cetirizine 2.5 mg at night; emollient cream for dry skin");
  type_into (editor, "staff_notes", "He may not get a high fever even with a serious infection. "
                                    "Please take blood cultures and start antibiotics without waiting. "
                                    "He is frightened of needles: let a parent hold him and explain first.");
  type_into (editor, "hospital", "Saint Example General Hospital, Paediatric Emergency Department");
  type_into (editor, "gp_name", "Dr Priya Raman, Example Lane Surgery");
  type_into (editor, "gp_phone", "+44 1632 960001");
  type_into (editor, "ig_product", "Hizentra 20%");
  type_into (editor, "ig_route", "subcutaneous");
  type_into (editor, "ig_interval", "every week (Sundays)");
  type_into (editor, "centre_name", "Great Example Children's Hospital, Clinical Immunology");
  type_into (editor, "allergies", "Amoxicillin: hives and swelling of the lips (2024)");
  /* With the QR code the back has less room. */
  nh_card_set_show_qr (nh_card_editor_get_card (editor), TRUE);
  nh_test_ui_wait_for (status_says_second_card, editor);
  g_test_message ("%s", gtk_label_get_text (_nh_card_editor_get_status (editor)));

  g_assert_true (status_says_second_card (editor));
  status = _nh_card_editor_get_status (editor);
  g_assert_nonnull (strstr (gtk_label_get_text (status), "Notes for staff"));
  g_assert_null (strstr (gtk_label_get_text (status), "Allergies"));

  nh_card_set_show_qr (nh_card_editor_get_card (editor), FALSE);
  nh_test_ui_close_window (window);
}

/* The card page saves the lock-screen image at the size chosen, and has a
 * switch, with a name, for each section a stranger might read. */
static void
test_lock_screen_image (void)
{
  NhWindow *window;
  NhCardEditor *editor = open_card_page (&window);
  g_autofree char *path = nh_test_tmp_path ("editor-lock.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  type_into (editor, "child_name", "Alex Example");
  type_into (editor, "allergies", "Penicillin: rash");
  g_assert_true (_nh_card_editor_save_lock_screen (editor, path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1080);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2340);
  cairo_surface_destroy (image);
  g_unlink (path);

  nh_test_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  nh_test_ui_init (&argc, &argv);

  /* A damaged card waiting in the user's data folder. */
  dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  card_path = g_build_filename (dir, NH_CARD_FILE_NAME, NULL);
  g_assert_true (g_file_set_contents (card_path, "{ \"format\": 1, \"fields\": ", -1, NULL));

  g_test_add_func ("/nh/card-ui/damaged-file-told", test_damaged_file_told);
  g_test_add_func ("/nh/card-ui/edit-changes-preview", test_edit_changes_preview);
  g_test_add_func ("/nh/card-ui/invalid-marked-and-kept", test_invalid_marked_and_kept);
  g_test_add_func ("/nh/card-ui/counter-near-cap", test_counter_near_cap);
  g_test_add_func ("/nh/card-ui/copy-phone", test_copy_phone);
  g_test_add_func ("/nh/card-ui/staff-view", test_staff_view);
  g_test_add_func ("/nh/card-ui/print-settings", test_print_settings);
  g_test_add_func ("/nh/card-ui/saved-on-close", test_saved_on_close);
  g_test_add_func ("/nh/card-ui/export-command-line", test_export_command_line);
  g_test_add_func ("/nh/card-ui/export-lock-screen-and-letter", test_export_lock_screen_and_letter);
  g_test_add_func ("/nh/card-ui/fit-shown-live", test_fit_shown_live);
  g_test_add_func ("/nh/card-ui/lock-screen-image", test_lock_screen_image);

  return g_test_run ();
}
