/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-group-translation.c: a support group's edition in a language the
 * app does not ship (Portuguese), from template to window and paper
 *
 * The test plays the group: it exports the template, "translates" every
 * string with a visible marker ("[pt] " in front), imports the .po,
 * validates and installs the edition, and then looks for any English label
 * left: in the window, the staff view, and the card, checklist and booklet
 * PDFs.
 */

#include "config.h"

#include <gettext-po.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "model/nh-edition-library.h"
#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "nh-test-ui.h"
#include "ui/nh-card-view.h"

#define MARK "[pt] "

static const char *binary;
static char *template_path;
static char *po_path;
static char *edition_path;
static GPtrArray *interface_msgids;  /* English, mnemonics taken out */

static void
xerror (int severity, po_message_t message, const char *filename, size_t lineno,
        size_t column, int multiline_p, const char *message_text)
{
  if (severity != PO_SEVERITY_WARNING)
    g_error ("libgettextpo: %s", message_text);
}

static void
xerror2 (int severity, po_message_t message1, const char *filename1, size_t lineno1,
         size_t column1, int multiline_p1, const char *message_text1,
         po_message_t message2, const char *filename2, size_t lineno2,
         size_t column2, int multiline_p2, const char *message_text2)
{
  if (severity != PO_SEVERITY_WARNING)
    g_error ("libgettextpo: %s; %s", message_text1, message_text2);
}

static const struct po_xerror_handler handler = { xerror, xerror2 };

static char *
run (const char * const *args,
     int                *exit_status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_strv_builder_add (builder, binary);
  g_strv_builder_addv (builder, (const char **)args);
  argv = g_strv_builder_end (builder);

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
  else if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[1], out, err);

  return out;
}

/* Writes the group's .po: every entry translated with the marker in
 * front; @fuzzy entries of each kind marked fuzzy and the next @missing
 * left empty. */
/* Handbook text may quote a label ("the checklist \"Infection
 * suspected\""); a translator translates the quote too. Here it is
 * marked and set in capitals, so it cannot pass for the English label. */
static char *
translate_quotes (const char *text)
{
  g_autoptr(GRegex) quoted = g_regex_new ("\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gint last = 0;

  g_regex_match (quoted, text, 0, &match);
  while (g_match_info_matches (match))
    {
      gint start, end;
      g_autofree char *inner = g_match_info_fetch (match, 1);
      g_autofree char *upper = g_utf8_strup (inner, -1);

      g_match_info_fetch_pos (match, 1, &start, &end);
      g_string_append_len (out, text + last, start - last);
      g_string_append_printf (out, "%s%s", MARK, upper);
      last = end;
      g_match_info_next (match, NULL);
    }
  g_string_append (out, text + last);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
write_po (const char *path,
          guint       fuzzy,
          guint       missing)
{
  po_file_t file = po_file_read (template_path, &handler);
  po_message_iterator_t iterator = po_message_iterator (file, NULL);
  po_message_t message;
  guint seen[2] = { 0, 0 };

  g_assert_nonnull (file);

  while ((message = po_next_message (iterator)))
    {
      const char *msgid = po_message_msgid (message);
      const char *comments = po_message_extracted_comments (message);
      gboolean interface = comments && g_str_has_prefix (comments, "interface");
      guint n;

      if (*msgid == '\0')
        {
          po_message_set_msgstr (message, "Language: pt\nMIME-Version: 1.0\n"
                                          "Content-Type: text/plain; charset=UTF-8\n"
                                          "Content-Transfer-Encoding: 8bit\n"
                                          "Plural-Forms: nplurals=2; plural=(n > 1);\n");
          po_message_set_fuzzy (message, 0);
          continue;
        }

      n = seen[interface]++;
      if (n >= fuzzy && n < fuzzy + missing)
        continue;

      if (po_message_msgid_plural (message) != NULL)
        {
          g_autofree char *one = g_strconcat (MARK, msgid, NULL);
          g_autofree char *other = g_strconcat (MARK, po_message_msgid_plural (message), NULL);

          po_message_set_msgstr_plural (message, 0, one);
          po_message_set_msgstr_plural (message, 1, other);
        }
      else
        {
          g_autofree char *text = interface ? g_strdup (msgid) : translate_quotes (msgid);
          g_autofree char *translated = g_strconcat (MARK, text, NULL);

          po_message_set_msgstr (message, translated);
        }

      if (n < fuzzy)
        po_message_set_fuzzy (message, 1);
    }

  po_message_iterator_free (iterator);
  g_assert_nonnull (po_file_write (file, path, &handler));
  po_file_free (file);
}

static void
read_interface_msgids (void)
{
  po_file_t file = po_file_read (template_path, &handler);
  po_message_iterator_t iterator = po_message_iterator (file, NULL);
  po_message_t message;

  interface_msgids = g_ptr_array_new_with_free_func (g_free);

  while ((message = po_next_message (iterator)))
    {
      const char *comments = po_message_extracted_comments (message);
      g_autoptr(GString) msgid = NULL;

      if (!comments || !g_str_has_prefix (comments, "interface") || *po_message_msgid (message) == '\0')
        continue;

      msgid = g_string_new (po_message_msgid (message));
      g_string_replace (msgid, "_", "", 0);
      g_ptr_array_add (interface_msgids, g_string_free (g_steal_pointer (&msgid), FALSE));
    }

  po_message_iterator_free (iterator);
  po_file_free (file);
}

#define HELPLINE_NAME  "Linha de apoio NEMO"
#define HELPLINE_PHONE "+351 210 000 000"
#define HELPLINE_NOTE  "Segunda a sexta, 9h-17h"

static void
add_group_contacts (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *contacts = json_array_new ();
  JsonObject *helpline = json_object_new ();
  JsonObject *emergency = json_object_new ();

  json_object_set_string_member (helpline, "kind", "helpline");
  json_object_set_string_member (helpline, "name", HELPLINE_NAME);
  json_object_set_string_member (helpline, "phone", HELPLINE_PHONE);
  json_object_set_string_member (helpline, "note", HELPLINE_NOTE);
  json_object_set_boolean_member (helpline, "on_card", TRUE);
  json_array_add_object_element (contacts, helpline);
  json_object_set_string_member (emergency, "kind", "emergency");
  json_object_set_string_member (emergency, "name", "Emergência");
  json_object_set_string_member (emergency, "phone", "112");
  json_array_add_object_element (contacts, emergency);

  g_assert_true (json_parser_load_from_file (parser, edition_path, &error));
  g_assert_no_error (error);
  json_object_set_array_member (json_node_get_object (json_parser_get_root (parser)), "contacts", contacts);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, edition_path, &error));
  g_assert_no_error (error);
}

/* The group's path up to the edition file. */
static void
test_template_and_import (void)
{
  g_autofree char *template_arg = g_strdup_printf ("--export-translation-template=%s", template_path);
  g_autofree char *import_arg = g_strdup_printf ("--import-translation=%s", po_path);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", edition_path);
  g_autofree char *validate_arg = g_strdup_printf ("--validate-edition=%s", edition_path);
  const char *template_args[] = { template_arg, NULL };
  const char *import_args[] = { import_arg, output_arg, NULL };
  const char *validate_args[] = { validate_arg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *template = NULL;
  g_autofree char *expected = NULL;
  int status;

  g_free (run (template_args, NULL));
  g_assert_true (g_file_get_contents (template_path, &template, NULL, NULL));
  /* Content with its place, its facts and its source's fingerprint. */
  g_assert_nonnull (strstr (template, "msgctxt \"section:overview\""));
  g_assert_nonnull (strstr (template, "#. sections[0].blocks[0].text\n#. facts: A1, C1, B1, B2, B3\n#. source: "));
  /* Labels of the window, the card and the booklet. */
  g_assert_nonnull (strstr (template, "msgid \"Call Now\""));
  g_assert_nonnull (strstr (template, "msgid \"For hospital staff\""));
  g_assert_nonnull (strstr (template, "msgid \"Contents\""));

  read_interface_msgids ();
  g_assert_cmpuint (interface_msgids->len, >, 300);

  write_po (po_path, 0, 0);
  out = run (import_args, NULL);
  expected = g_strdup_printf ("Interface: %u translated, 0 need review, 0 untranslated", interface_msgids->len);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, " translated, 0 need review, 0 untranslated"));

  /* The group adds its contacts by hand. */
  add_group_contacts ();

  g_clear_pointer (&out, g_free);
  out = run (validate_args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "valid"));
}

/* Poedit's "needs work" and empty entries are counted, content and
 * interface apart. */
static void
test_counts_with_fuzzy_and_missing (void)
{
  g_autofree char *partial_po = nh_test_tmp_path ("pt-partial.po");
  g_autofree char *partial_edition = nh_test_tmp_path ("pt-partial.nemo-edition.json");
  g_autofree char *import_arg = g_strdup_printf ("--import-translation=%s", partial_po);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", partial_edition);
  const char *import_args[] = { import_arg, output_arg, NULL };
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *json = NULL;

  g_assert_nonnull (interface_msgids);
  write_po (partial_po, 6, 4);
  g_unlink (partial_edition);
  out = run (import_args, NULL);

  g_assert_nonnull (strstr (out, " translated, 6 need review, 4 untranslated\nInterface: "));
  expected = g_strdup_printf ("Interface: %u translated, 6 need review, 4 untranslated",
                              interface_msgids->len - 10);
  g_assert_nonnull (strstr (out, expected));

  /* 10 of the interface strings missing: no warning; all of them: one. */
  {
    g_autofree char *validate_arg = g_strdup_printf ("--validate-edition=%s", partial_edition);
    const char *validate_args[] = { validate_arg, NULL };
    g_autofree char *report = run (validate_args, NULL);

    g_assert_null (strstr (report, "interface strings are translated"));
    g_assert_nonnull (strstr (report, "Blocks: 0 reviewed, "));
    g_assert_nonnull (strstr (report, " need review, "));

    write_po (partial_po, 0, 100000);
    g_clear_pointer (&out, g_free);
    out = run (import_args, NULL);
    g_clear_pointer (&report, g_free);
    report = run (validate_args, NULL);
    g_assert_nonnull (strstr (report, ": warning: interface: only 0 of the app's "));

    write_po (partial_po, 6, 4);
    g_clear_pointer (&out, g_free);
    out = run (import_args, NULL);
  }

  /* The fuzzy blocks are shown, marked as needing review. */
  g_assert_true (g_file_get_contents (partial_edition, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"state\" : \"needs-review\""));
  g_assert_nonnull (strstr (json, "\"state\" : \"untranslated\""));
}

/* The edition as a JSON tree, changed by @func, validated: the output. */
static char *
validate_changed (void (*func) (JsonObject *root),
                  int   *status)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = nh_test_tmp_path ("pt-changed.nemo-edition.json");
  g_autofree char *validate_arg = g_strdup_printf ("--validate-edition=%s", changed);
  const char *args[] = { validate_arg, NULL };
  char *out;

  g_assert_true (json_parser_load_from_file (parser, edition_path, &error));
  g_assert_no_error (error);
  func (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  g_assert_true (json_generator_to_file (generator, changed, &error));
  g_assert_no_error (error);

  out = run (args, status);
  g_unlink (changed);

  return out;
}

static JsonObject *
block_at (JsonObject *root,
          guint       section,
          guint       block)
{
  JsonObject *object = json_array_get_object_element (json_object_get_array_member (root, "sections"), section);

  return json_array_get_object_element (json_object_get_array_member (object, "blocks"), block);
}

/* The block was translated from an older base text: "germs" where the
 * built-in edition now says "infections". */
static void
make_outdated (JsonObject *root)
{
  JsonObject *translation = json_object_get_object_member (block_at (root, 1, 0), "translation");
  g_autoptr(GString) source = g_string_new (json_object_get_string_member (translation, "source"));
  g_autofree char *fingerprint = NULL;

  g_assert_cmpuint (g_string_replace (source, "infections", "germs", 1), ==, 1);
  fingerprint = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source->str, -1);
  fingerprint[12] = '\0';
  json_object_set_string_member (translation, "source", source->str);
  json_object_set_string_member (translation, "fingerprint", fingerprint);
}

/* A machine translation's slip: the first digit of a block changed. */
static void
change_digit (JsonObject *root)
{
  JsonObject *block = block_at (root, 0, 7);
  g_autofree char *text = g_strdup (json_object_get_string_member (block, "text"));
  char *digit = strpbrk (text, "0123456789");

  g_assert_nonnull (digit);
  *digit = *digit == '1' ? '2' : '1';
  json_object_set_string_member (block, "text", text);
}

static void
test_outdated_and_changed_digit (void)
{
  g_autofree char *out = NULL;
  int status;

  out = validate_changed (make_outdated, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, ": warning: sections[1].blocks[0]: (section 2, [pt] Infections) outdated: "
                                 "the base text changed since this block was translated: "
                                 "\u201cgerms\u201d is now \u201cinfections\u201d"));

  g_clear_pointer (&out, g_free);
  out = validate_changed (change_digit, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, ": error: sections[0].blocks[7]: (section 1, [pt] Overview) the number "));
  g_assert_nonnull (strstr (out, "numbers must stay as they are"));
}

/* A reviewer's comment in the .po ("reviewed: NAME, DATE", as Poedit
 * writes translator comments) makes its block reviewed; importing again
 * keeps it. */
static void
test_reviewed_blocks (void)
{
  g_autofree char *reviewed_po = nh_test_tmp_path ("pt-reviewed.po");
  g_autofree char *reviewed_edition = nh_test_tmp_path ("pt-reviewed.nemo-edition.json");
  g_autofree char *import_arg = g_strdup_printf ("--import-translation=%s", reviewed_po);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", reviewed_edition);
  g_autofree char *validate_arg = g_strdup_printf ("--validate-edition=%s", reviewed_edition);
  const char *import_args[] = { import_arg, output_arg, NULL };
  const char *validate_args[] = { validate_arg, NULL };
  g_autofree char *json = NULL;
  g_autofree char *report = NULL;
  po_file_t file;
  po_message_iterator_t iterator;
  po_message_t message;

  write_po (reviewed_po, 0, 0);
  file = po_file_read (reviewed_po, &handler);
  iterator = po_message_iterator (file, NULL);
  while ((message = po_next_message (iterator)))
    {
      const char *comments = po_message_extracted_comments (message);

      if (comments && g_str_has_prefix (comments, "sections[0].blocks[0].text"))
        po_message_set_comments (message, "reviewed: Ana Costa, 2026-11-30\n");
    }
  po_message_iterator_free (iterator);
  g_assert_nonnull (po_file_write (file, reviewed_po, &handler));
  po_file_free (file);

  g_unlink (reviewed_edition);
  g_free (run (import_args, NULL));
  g_free (run (import_args, NULL));

  g_assert_true (g_file_get_contents (reviewed_edition, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"state\" : \"reviewed\",\n"));
  g_assert_nonnull (strstr (json, "\"reviewed_by\" : \"Ana Costa\""));
  g_assert_nonnull (strstr (json, "\"reviewed_on\" : \"2026-11-30\""));

  report = run (validate_args, NULL);
  g_assert_nonnull (strstr (report, "Blocks: 1 reviewed, "));
}

/* Every English label left in @text, one a line; "" when none. Occurrences
 * right after the marker are the translation. */
static char *
find_english (const char *raw)
{
  g_autoptr(GString) text = g_string_new (raw);
  g_autoptr(GString) found = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (raw, "\n", -1);

  /* A line that is nothing but an English label: "Contents", "Name:". */
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      for (guint j = 0; *lines[i] && j < interface_msgids->len; j++)
        if (g_str_equal (lines[i], g_ptr_array_index (interface_msgids, j)))
          g_string_append_printf (found, "%s\n", lines[i]);
    }

  /* pdftotext breaks lines where the printout does. */
  for (gsize i = 0; i < text->len; i++)
    if (text->str[i] == '\n')
      text->str[i] = ' ';

  for (guint i = 0; i < interface_msgids->len; i++)
    {
      const char *msgid = g_ptr_array_index (interface_msgids, i);
      g_autofree char *literal = g_strndup (msgid, strcspn (msgid, "%<\n"));

      /* A label of at least two words of its own, before any %s; not
       * glue such as " or ". */
      g_strstrip (literal);
      if (g_utf8_strlen (literal, -1) < 10 || strchr (literal, ' ') == NULL || msgid[0] == ' ')
        continue;

      for (const char *p = strstr (text->str, literal); p; p = strstr (p + 1, literal))
        if (p - text->str < (gssize)strlen (MARK) || strncmp (p - strlen (MARK), MARK, strlen (MARK)) != 0)
          {
            g_string_append_printf (found, "%s\n", literal);
            break;
          }
    }

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
collect_labels (GtkWidget *widget,
                GString   *english)
{
  const char *text = NULL;

  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  if (text != NULL && *text)
    {
      g_autoptr(GString) plain = g_string_new (text);

      g_string_replace (plain, "_", "", 0);
      for (guint i = 0; i < interface_msgids->len; i++)
        if (g_str_equal (plain->str, g_ptr_array_index (interface_msgids, i)))
          g_string_append_printf (english, "%s: %s\n", G_OBJECT_TYPE_NAME (widget), plain->str);
    }

  if (gtk_widget_get_tooltip_text (widget))
    for (guint i = 0; i < interface_msgids->len; i++)
      if (g_str_equal (gtk_widget_get_tooltip_text (widget), g_ptr_array_index (interface_msgids, i)))
        g_string_append_printf (english, "tooltip: %s\n", gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, english);
}

static void
assert_no_english_widgets (GtkWidget  *root,
                           const char *where)
{
  g_autoptr(GString) english = g_string_new (NULL);

  collect_labels (root, english);
  if (english->len > 0)
    g_error ("English labels left in %s:\n%s", where, english->str);
}

static gboolean
idle_done (gpointer data)
{
  return GPOINTER_TO_INT (data) == 0 || g_main_context_pending (NULL) == FALSE;
}

static gboolean
has_row (GtkWidget  *widget,
         const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), HELPLINE_PHONE) != NULL ||
           g_str_equal (title, "Emergência");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_row (child, title))
      return TRUE;

  return FALSE;
}

static gboolean
window_replaced (gpointer data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (nh_test_ui_get_app ()));

  return windows != NULL && windows->data != data && windows->next == NULL;
}

/* Installed and chosen: the window, its pages and the staff view. */
static void
test_window_and_staff_view (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhEditionLibrary *library = nh_application_get_edition_library (app);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhEdition) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  NhWindow *window;
  NhCardView *view;
  NhEdition *edition;
  static const char * const pages[] = { "@checklist", "@card", "overview", NULL };

  g_assert_nonnull (interface_msgids);
  /* The window is open in English when the group's edition is chosen. */
  window = nh_test_ui_open_window (1000, 700);
  g_assert_true (g_file_get_contents (edition_path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  installed = nh_edition_library_install (library, bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (installed);
  nh_application_use_edition (app, nh_edition_get_id (installed));

  edition = nh_application_get_edition (app);
  g_assert_cmpstr (nh_edition_get_language (edition), ==, "pt");
  g_assert_cmpstr (nh_edition_gettext (edition, "For hospital staff"), ==, MARK "For hospital staff");

  /* It is built again in the edition's language. */
  g_assert_true (nh_test_ui_wait_for (window_replaced, window));
  window = NH_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  for (guint i = 0; pages[i]; i++)
    {
      g_autofree char *where = g_strdup_printf ("the window at %s", pages[i]);

      g_assert_true (nh_window_show_section (window, pages[i]));
      nh_test_ui_wait_for (idle_done, GINT_TO_POINTER (1));
      assert_no_english_widgets (GTK_WIDGET (window), where);

      /* Call Now: the group's numbers after the family's, with the note. */
      if (g_str_equal (pages[i], "@checklist"))
        {
          g_assert_true (has_row (GTK_WIDGET (window), HELPLINE_NAME));
          g_assert_true (has_row (GTK_WIDGET (window), "Emergência"));
        }
    }

  view = nh_card_view_new (nh_application_get_card (app), edition);
  gtk_window_present (GTK_WINDOW (view));
  nh_test_ui_wait_for (idle_done, GINT_TO_POINTER (1));
  assert_no_english_widgets (GTK_WIDGET (view), "the staff view");
  gtk_window_destroy (GTK_WINDOW (view));

  nh_test_ui_close_window (window);

  /* Back to the built-in edition: the app's own language again. */
  nh_application_use_edition (app, NH_EDITION_LIBRARY_BUILTIN);
  g_assert_null (nh_catalog_get_interface ());
}

static void
test_printouts (void)
{
  static const char * const exports[][3] = {
    { "--export=emergency-card", "--paper=id1", "--blank" },
    { "--export=checklist", "--paper=a6", "--blank" },
    { "--export=handbook", "--paper=a5", NULL },
  };
  g_autofree char *edition_arg = g_strdup_printf ("--edition=%s", edition_path);

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("no poppler-utils");
      return;
    }

  g_assert_nonnull (interface_msgids);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *pdf = nh_test_tmp_path ("pt-printout.pdf");
      g_autofree char *output_arg = g_strdup_printf ("--output=%s", pdf);
      const char *args[] = { exports[i][0], exports[i][1], edition_arg, output_arg, exports[i][2], NULL };
      g_autofree char *text = NULL;
      g_autofree char *english = NULL;

      g_unlink (pdf);
      g_free (run (args, NULL));
      text = nh_test_pdf_text (pdf);
      g_assert_nonnull (strstr (text, MARK));

      english = find_english (text);
      if (*english)
        g_error ("English labels left in %s:\n%s", exports[i][0], english);

      /* The checklist lists the group's numbers, the note labelled; the
       * back of a blank card the one the group asks for. */
      if (g_str_equal (exports[i][0], "--export=checklist") ||
          g_str_equal (exports[i][0], "--export=emergency-card"))
        {
          g_assert_nonnull (strstr (text, HELPLINE_NAME));
          g_assert_nonnull (strstr (text, HELPLINE_PHONE));
          g_assert_nonnull (strstr (text, MARK "Note: " HELPLINE_NOTE));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  nh_test_ui_init (&argc, &argv);

  binary = g_getenv ("NH_BINARY");
  g_assert_nonnull (binary);
  template_path = nh_test_tmp_path ("group.pot");
  po_path = nh_test_tmp_path ("pt.po");
  edition_path = nh_test_tmp_path ("pt.nemo-edition.json");

  /* In order: each step uses what the one before made. */
  g_test_add_func ("/nh/group-translation/template-and-import", test_template_and_import);
  g_test_add_func ("/nh/group-translation/counts-with-fuzzy-and-missing", test_counts_with_fuzzy_and_missing);
  g_test_add_func ("/nh/group-translation/reviewed-blocks", test_reviewed_blocks);
  g_test_add_func ("/nh/group-translation/outdated-and-changed-digit", test_outdated_and_changed_digit);
  g_test_add_func ("/nh/group-translation/window-and-staff-view", test_window_and_staff_view);
  g_test_add_func ("/nh/group-translation/printouts", test_printouts);

  status = g_test_run ();

  g_unlink (template_path);
  g_unlink (po_path);
  g_unlink (edition_path);

  return status;
}
