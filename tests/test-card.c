/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-card.c: the emergency card's data: fields, checks, saving, damaged files */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "model/nh-card.h"

static NhEdition *edition;

/* Each under the test's own home (G_TEST_OPTION_ISOLATE_DIRS), which GLib
 * removes after the test. */
static NhStore *
new_store (void)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("store-%u", ++n);
  /* A folder that does not exist yet: the store makes it. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), name, "data", NULL);

  return nh_store_new (dir);
}

static NhCard *
load (NhStore *store)
{
  g_autoptr(GError) error = NULL;
  NhCard *card = nh_card_new (store);

  g_assert_true (nh_card_load (card, &error));
  g_assert_no_error (error);

  return card;
}

static void
write_file (NhStore    *store,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nh_store_save (store, NH_CARD_FILE_NAME, contents, strlen (contents), &error));
  g_assert_no_error (error);
}

static char *
read_file (NhStore *store)
{
  g_autofree char *path = nh_store_dup_path (store, NH_CARD_FILE_NAME);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

static NhCardCheck
check (const char *field_id,
       const char *value)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2026);

  return nh_card_check_value (nh_card_find_field (field_id), value, &today, NULL);
}

static void
test_field_ids (void)
{
  /* Other pages ask for these by name. */
  static const char * const ids[] = {
    "child_name", "birth_date", "weight", "weight_date", "diagnosis",
    "centre_name", "centre_phone", "hospital",
    "contact1_name", "contact1_relationship", "contact1_phone",
    "contact2_name", "contact2_phone", "contact3_name", "contact3_phone",
    "contact4_name", "contact4_relationship", "contact4_phone",
    "gp_name", "gp_phone", "ig_product", "ig_route", "ig_interval", "ig_last_dose",
    "antibiotics", "allergies", "medicines", "staff_notes",
  };
  const NhCardField *fields;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (nh_card_find_field (ids[i]));
  g_assert_null (nh_card_find_field ("no_such_field"));

  fields = nh_card_get_fields (&n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (fields[i].label, !=, "");
      g_assert_cmpuint (fields[i].max_chars, >, 0);
      g_assert_true (fields[i].required == g_str_equal (fields[i].id, "child_name"));
    }
}

static void
test_round_trip (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = nh_card_new (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const NhCardField *fields;
  guint n;

  g_assert_true (nh_card_load (card, &error));
  fields = nh_card_get_fields (&n);

  /* Every field gets its own text, with characters JSON must escape. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf ("%s “value” \"%u\" \\ <&>\nline two ✓", fields[i].id, i);

      nh_card_set_text (card, fields[i].id, value);
    }
  nh_card_set_show_qr (card, TRUE);
  nh_card_set_paper (card, "letter");
  nh_card_set_lock_screen_shows (card, "todo", TRUE);
  nh_card_set_lock_screen_shows (card, "child", FALSE);
  g_assert_true (nh_card_save (card, &error));
  g_assert_no_error (error);
  g_assert_false (nh_card_get_dirty (card));

  again = load (store);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (nh_card_get_text (again, fields[i].id), ==, nh_card_get_text (card, fields[i].id));
  /* What the lock-screen image shows is the family's choice, and kept. */
  g_assert_true (nh_card_get_lock_screen_shows (again, "todo"));
  g_assert_false (nh_card_get_lock_screen_shows (again, "child"));
  g_assert_true (nh_card_get_lock_screen_shows (again, "allergies"));
  g_assert_cmpuint (nh_card_get_revision (again), ==, 1);
  g_assert_cmpstr (nh_card_get_updated (again), ==, today);
  g_assert_true (nh_card_get_show_qr (again));
  g_assert_cmpstr (nh_card_get_paper (again), ==, "letter");
}

static void
test_defaults (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);

  g_assert_true (nh_card_is_empty (card));
  g_assert_cmpstr (nh_card_get_text (card, "child_name"), ==, "");
  g_assert_false (nh_card_get_show_qr (card));
  g_assert_cmpstr (nh_card_get_paper (card), ==, "id1");
  g_assert_cmpuint (nh_card_get_revision (card), ==, 0);
  g_assert_null (nh_card_get_updated (card));
  /* Nothing is written until something is typed. */
  g_assert_null (read_file (store));
}

static void
test_check_dates (void)
{
  g_assert_cmpint (check ("birth_date", "2019-03-25"), ==, NH_CARD_CHECK_OK);
  g_assert_cmpint (check ("birth_date", " 2019-3-5 "), ==, NH_CARD_CHECK_OK);
  g_assert_cmpint (check ("birth_date", "2020-02-29"), ==, NH_CARD_CHECK_OK);
  g_assert_cmpint (check ("birth_date", "2026-06-01"), ==, NH_CARD_CHECK_OK);
  g_assert_cmpint (check ("birth_date", ""), ==, NH_CARD_CHECK_OK);

  g_assert_cmpint (check ("birth_date", "25/03/2019"), ==, NH_CARD_CHECK_DATE_FORMAT);
  g_assert_cmpint (check ("birth_date", "2019-03"), ==, NH_CARD_CHECK_DATE_FORMAT);
  g_assert_cmpint (check ("birth_date", "19-03-25"), ==, NH_CARD_CHECK_DATE_FORMAT);
  g_assert_cmpint (check ("birth_date", "last spring"), ==, NH_CARD_CHECK_DATE_FORMAT);

  g_assert_cmpint (check ("birth_date", "2019-02-30"), ==, NH_CARD_CHECK_DATE_NOT_REAL);
  g_assert_cmpint (check ("birth_date", "2021-02-29"), ==, NH_CARD_CHECK_DATE_NOT_REAL);
  g_assert_cmpint (check ("weight_date", "2019-13-01"), ==, NH_CARD_CHECK_DATE_NOT_REAL);
  g_assert_cmpint (check ("ig_last_dose", "2019-00-10"), ==, NH_CARD_CHECK_DATE_NOT_REAL);

  g_assert_cmpint (check ("birth_date", "2026-06-02"), ==, NH_CARD_CHECK_DATE_FUTURE);
  g_assert_cmpint (check ("ig_last_dose", "2999-01-01"), ==, NH_CARD_CHECK_DATE_FUTURE);
  g_assert_cmpint (check ("birth_date", "1850-01-01"), ==, NH_CARD_CHECK_DATE_TOO_OLD);
}

static void
test_check_phones (void)
{
  static const char * const good[] = {
    "+44 20 7405 9200", "(020) 7405-9200", "020.7405.9200", "112",
    "020 7405 9200 ext. 1234", "020 7405 9200 ext 12", "0207405 x12",
    "+1 555 0100 #77", "020 7405 9200 Ext: 4",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_cmpint (check ("centre_phone", good[i]), ==, NH_CARD_CHECK_OK);

  g_assert_cmpint (check ("centre_phone", "0207 abc 9200"), ==, NH_CARD_CHECK_PHONE_CHARACTERS);
  g_assert_cmpint (check ("gp_phone", "020/7405 9200"), ==, NH_CARD_CHECK_PHONE_CHARACTERS);
  g_assert_cmpint (check ("contact1_phone", "call mum"), ==, NH_CARD_CHECK_PHONE_CHARACTERS);
  g_assert_cmpint (check ("contact2_phone", "0044 +20 7405"), ==, NH_CARD_CHECK_PHONE_PLUS);
  g_assert_cmpint (check ("contact3_phone", "++44 20"), ==, NH_CARD_CHECK_PHONE_PLUS);
  g_assert_cmpint (check ("contact4_phone", "12"), ==, NH_CARD_CHECK_PHONE_TOO_SHORT);
  g_assert_cmpint (check ("centre_phone", "1234 5678 9012 3456 789"), ==, NH_CARD_CHECK_PHONE_TOO_LONG);
  g_assert_cmpint (check ("centre_phone", "020 7405 9200 ext"), ==, NH_CARD_CHECK_PHONE_EXTENSION);
  g_assert_cmpint (check ("centre_phone", "020 7405 9200 ext. 1234567"), ==, NH_CARD_CHECK_PHONE_EXTENSION);
  g_assert_cmpint (check ("centre_phone", "020 7405 x 12a"), ==, NH_CARD_CHECK_PHONE_EXTENSION);
}

static void
test_check_lengths (void)
{
  const NhCardField *name = nh_card_find_field ("child_name");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < name->max_chars; i++)
    g_string_append (text, "é");
  /* Characters, not bytes. */
  g_assert_cmpint (nh_card_check_value (name, text->str, NULL, NULL), ==, NH_CARD_CHECK_OK);

  g_string_append (text, "x");
  g_assert_cmpint (nh_card_check_value (name, text->str, NULL, &message), ==, NH_CARD_CHECK_TOO_LONG);
  g_assert_nonnull (strstr (message, "61"));
  g_assert_nonnull (strstr (message, "60"));

  g_assert_cmpint (check ("centre_phone", "+44 20 7405 9200 7405 9200 7405 9200 1"), ==,
                   NH_CARD_CHECK_TOO_LONG);
}

static void
test_messages_plain (void)
{
  static const struct {
    const char *field;
    const char *value;
  } cases[] = {
    { "birth_date", "25/03/2019" }, { "birth_date", "2019-02-30" },
    { "birth_date", "2999-01-01" }, { "birth_date", "1800-01-01" },
    { "centre_phone", "abc" }, { "centre_phone", "1+2" }, { "centre_phone", "1" },
    { "centre_phone", "1234567890123456789" }, { "centre_phone", "123 ext" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      g_assert_cmpint (nh_card_check_value (nh_card_find_field (cases[i].field), cases[i].value,
                                            NULL, &message), !=, NH_CARD_CHECK_OK);
      g_assert_nonnull (message);
      g_assert_true (g_str_has_suffix (message, "."));
    }
}

static void
test_required_name (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);
  g_autofree char *message = NULL;

  /* An empty card is not wrong, only unfinished. */
  nh_card_prefill (card, edition);
  g_assert_cmpint (nh_card_check (card, "child_name", NULL), ==, NH_CARD_CHECK_OK);
  g_assert_cmpuint (nh_card_count_problems (card), ==, 0);

  nh_card_set_text (card, "centre_phone", "+44 20 7405 9200");
  g_assert_cmpint (nh_card_check (card, "child_name", &message), ==, NH_CARD_CHECK_REQUIRED);
  g_assert_nonnull (message);
  g_assert_cmpuint (nh_card_count_problems (card), ==, 1);

  nh_card_set_text (card, "child_name", "  ");
  g_assert_cmpint (nh_card_check (card, "child_name", NULL), ==, NH_CARD_CHECK_REQUIRED);
  nh_card_set_text (card, "child_name", "Alex");
  g_assert_cmpuint (nh_card_count_problems (card), ==, 0);
}

static void
test_invalid_kept (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;

  nh_card_set_text (card, "birth_date", "2019-02-30");
  nh_card_set_text (card, "centre_phone", "ring the ward");
  g_assert_cmpstr (nh_card_get_text (card, "birth_date"), ==, "2019-02-30");
  g_assert_cmpuint (nh_card_count_problems (card), ==, 3);
  g_assert_true (nh_card_save (card, &error));

  again = load (store);
  g_assert_cmpstr (nh_card_get_text (again, "birth_date"), ==, "2019-02-30");
  g_assert_cmpstr (nh_card_get_text (again, "centre_phone"), ==, "ring the ward");
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
test_file_modes (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_store_dup_path (store, NH_CARD_FILE_NAME);
  g_autofree char *contents = NULL;
  mode_t old_mask = umask (022);

  nh_card_set_text (card, "child_name", "Alex");
  g_assert_true (nh_card_save (card, &error));
  umask (old_mask);

  assert_mode (nh_store_get_directory (store), 0700);
  assert_mode (path, 0600);

  /* A format version, for the next version of the app. */
  contents = read_file (store);
  g_assert_nonnull (strstr (contents, "\"format\" : 1"));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_saves_after_change (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);
  g_autofree char *contents = NULL;
  gboolean timed_out = FALSE;
  gint64 start = g_get_monotonic_time ();

  nh_card_set_text (card, "child_name", "Alex");
  nh_card_set_text (card, "child_name", "Alex Example");
  g_assert_true (nh_card_get_dirty (card));
  g_assert_null (read_file (store));

  g_timeout_add (2000, timeout_cb, &timed_out);
  while (nh_card_get_dirty (card) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  /* Within half a second of the last change. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 500 * 1000);
  contents = read_file (store);
  g_assert_nonnull (strstr (contents, "Alex Example"));
}

static void
test_saves_when_dropped (void)
{
  g_autoptr(NhStore) store = new_store ();
  NhCard *card = load (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* Closing the app right after typing loses nothing. */
  nh_card_set_text (card, "allergies", "penicillin: rash");
  g_assert_finalize_object (card);

  again = load (store);
  g_assert_cmpstr (nh_card_get_text (again, "allergies"), ==, "penicillin: rash");

  nh_card_set_text (again, "allergies", "none known");
  g_assert_true (nh_card_flush (again, &error));
  g_assert_false (nh_card_get_dirty (again));
  g_free (contents);
  contents = read_file (store);
  g_assert_nonnull (strstr (contents, "none known"));
}

static void
assert_quarantined (const char *contents,
                    const char *why)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = nh_card_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_store_dup_path (store, NH_CARD_FILE_NAME);
  g_autofree char *backup_contents = NULL;
  const char *backup;

  write_file (store, contents);

  g_assert_false (nh_card_load (card, &error));
  g_assert_error (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT);
  backup = nh_card_get_backup_path (card);
  g_assert_nonnull (backup);
  /* The user is told where the old file is, and why. */
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_nonnull (strstr (error->message, why));
  g_assert_cmpstr (error->message, ==, nh_card_get_load_error (card)->message);

  g_assert_true (g_str_has_prefix (backup, path));
  g_assert_true (g_str_has_prefix (backup + strlen (path), ".corrupt-"));
  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, contents);
  assert_mode (backup, 0600);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The card starts empty and works. */
  g_assert_true (nh_card_is_empty (card));
  nh_card_set_text (card, "child_name", "Alex");
  g_clear_error (&error);
  g_assert_true (nh_card_save (card, &error));
  g_assert_no_error (error);
  assert_mode (path, 0600);
}

static void
test_corrupt_files (void)
{
  assert_quarantined ("{ \"format\": 1, \"fields\": { \"child_name\": ", "");
  assert_quarantined ("", "");
  assert_quarantined ("[1, 2, 3]", "not a saved card");
  assert_quarantined ("{ \"fields\": {} }", "format");
  assert_quarantined ("{ \"format\": 2, \"fields\": {} }", "newer version");
  /* Each says where in the file it is wrong, as an edition's errors do. */
  assert_quarantined ("{ \"format\": 1, \"fields\": { \"child_name\": 5 } }", "fields.child_name: not text");
  assert_quarantined ("{ \"format\": 1, \"fields\": [] }", "fields: ");
  assert_quarantined ("{ \"format\": 1, \"updated\": \"yesterday\" }", "updated: not a date");
  assert_quarantined ("{ \"format\": 1, \"revision\": -3 }", "revision: ");
  assert_quarantined ("{ \"format\": 1, \"print\": 7 }", "print: ");
  assert_quarantined ("{ \"format\": 1, \"lock_screen\": { \"sections\": [\"call\", 4] } }",
                      "lock_screen.sections[1]: not text");
  assert_quarantined ("{ \"format\": \"one\" }", "format: ");
}

static void
test_too_large (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = nh_card_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (NH_CARD_MAX_BYTES + 1, ' ');

  write_file (store, big);
  g_assert_false (nh_card_load (card, &error));
  g_assert_error (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT);
  g_assert_nonnull (nh_card_get_backup_path (card));
}

static void
test_revision (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;

  /* Printing settings are not a new version of the card. */
  nh_card_set_show_qr (card, TRUE);
  g_assert_cmpuint (nh_card_get_revision (card), ==, 0);

  /* One new version per session of changes, not per key press. */
  nh_card_set_text (card, "child_name", "A");
  nh_card_set_text (card, "child_name", "Al");
  nh_card_set_text (card, "child_name", "Al");
  g_assert_cmpuint (nh_card_get_revision (card), ==, 1);
  g_assert_true (nh_card_save (card, &error));

  again = load (store);
  g_assert_cmpuint (nh_card_get_revision (again), ==, 1);
  nh_card_set_text (again, "child_name", "Alex");
  g_assert_cmpuint (nh_card_get_revision (again), ==, 2);
}

static void
test_prefill (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = load (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;

  nh_card_prefill (card, edition);
  g_assert_cmpstr (nh_card_get_text (card, "diagnosis"), ==,
                   nh_edition_get_card_diagnosis_default (edition));
  g_assert_false (nh_card_get_dirty (card));

  /* A diagnosis the family cleared stays cleared. */
  nh_card_set_text (card, "diagnosis", "");
  g_assert_true (nh_card_save (card, &error));
  again = load (store);
  nh_card_prefill (again, edition);
  g_assert_cmpstr (nh_card_get_text (again, "diagnosis"), ==, "");
}

static void
test_unknown_fields_kept (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_file (store, "{ \"format\": 1, \"revision\": 4, "
                     "\"fields\": { \"child_name\": \"Alex\", \"blood_group\": \"O+\" }, "
                     "\"print\": { \"paper\": \"a3\", \"qr\": true } }");
  card = load (store);
  g_assert_cmpstr (nh_card_get_text (card, "child_name"), ==, "Alex");
  /* An unknown paper falls back to the wallet card. */
  g_assert_cmpstr (nh_card_get_paper (card), ==, "id1");
  g_assert_true (nh_card_get_show_qr (card));

  nh_card_set_text (card, "child_name", "Alex Example");
  g_assert_true (nh_card_save (card, &error));
  contents = read_file (store);
  g_assert_nonnull (strstr (contents, "\"blood_group\" : \"O+\""));
}

static void
test_entries_and_text (void)
{
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(GPtrArray) front = NULL;
  g_autoptr(GPtrArray) blank = NULL;
  g_autofree char *text = NULL;

  nh_card_prefill (card, edition);
  nh_card_set_text (card, "child_name", "Alex Example");
  nh_card_set_text (card, "birth_date", "2019-03-25");
  nh_card_set_text (card, "weight", "18 kg");
  nh_card_set_text (card, "weight_date", "2026-01-12");
  nh_card_set_text (card, "contact2_name", "Jane Doe");
  nh_card_set_text (card, "contact2_relationship", "mother");
  nh_card_set_text (card, "contact2_phone", "+44 7700 900123");
  nh_card_set_text (card, "gp_phone", "01632 960001");
  nh_card_set_text (card, "ig_product", "Brand X");
  nh_card_set_text (card, "ig_interval", "every 3 weeks");

  text = nh_card_dup_text (card, edition);
  g_assert_true (g_str_has_prefix (text, nh_edition_get_card_title (edition)));
  g_assert_nonnull (strstr (text, "\nName: Alex Example\n"));
  g_assert_nonnull (strstr (text, "\nDate of birth: 25 Mar 2019\n"));
  g_assert_nonnull (strstr (text, "\nWeight: 18 kg (measured 12 Jan 2026)\n"));
  g_assert_nonnull (strstr (text, nh_edition_get_card_diagnosis_default (edition)));
  g_assert_nonnull (strstr (text, "\nEmergency contact: Jane Doe (mother), +44 7700 900123\n"));
  g_assert_nonnull (strstr (text, "\nGP or family doctor: 01632 960001\n"));
  g_assert_nonnull (strstr (text, "\nImmunoglobulin: Brand X, every 3 weeks\n"));
  g_assert_nonnull (strstr (text, "card version 1"));
  /* Empty lines are left out. */
  g_assert_null (strstr (text, "Hospital"));

  front = nh_card_dup_entries (card, edition, NH_CARD_FRONT, FALSE);
  g_assert_cmpstr (((NhCardEntry *)g_ptr_array_index (front, 0))->id, ==, "name");
  /* Shown and printed, a number keeps its digit groups in order in Arabic
   * and stays on one line; the QR code above has it as typed. */
  for (guint i = 0; i < front->len; i++)
    {
      NhCardEntry *entry = g_ptr_array_index (front, i);

      if (g_str_equal (entry->id, "contact2"))
        g_assert_cmpstr (entry->value, ==, "Jane Doe (mother), \u2066+44\u00a07700\u00a0900123\u2069");
      if (g_str_equal (entry->id, "gp"))
        g_assert_cmpstr (entry->value, ==, "\u206601632\u00a0960001\u2069");
    }

  /* An Arabic name on an English card is set apart, so the label after it
   * keeps its own order; the QR code has it as typed. */
  nh_card_set_text (card, "child_name", "سامي");
  g_clear_pointer (&front, g_ptr_array_unref);
  front = nh_card_dup_entries (card, edition, NH_CARD_FRONT, FALSE);
  g_assert_cmpstr (((NhCardEntry *)g_ptr_array_index (front, 0))->value, ==, "\u2067سامي\u2069");
  g_free (text);
  text = nh_card_dup_text (card, edition);
  g_assert_nonnull (strstr (text, "\nName: سامي\n"));

  /* A blank card has room to write and no personal data. */
  blank = nh_card_dup_entries (card, edition, NH_CARD_FRONT, TRUE);
  for (guint i = 0; i < blank->len; i++)
    {
      NhCardEntry *entry = g_ptr_array_index (blank, i);

      g_assert_cmpuint (entry->write_lines, >=, 1);
      if (!g_str_equal (entry->id, "diagnosis"))
        g_assert_null (entry->value);
    }
}

/* The checklist shows these numbers under "Call now". */
static void
test_phone_contacts (void)
{
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) contacts = NULL;

  none = nh_card_dup_phone_contacts (card, edition);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  nh_card_set_text (card, "centre_name", "St Example's");
  nh_card_set_text (card, "centre_phone", "+44 20 7946 0000");
  nh_card_set_text (card, "contact1_name", "No Phone");
  nh_card_set_text (card, "contact3_name", "Jane Doe");
  nh_card_set_text (card, "contact3_relationship", "mother");
  nh_card_set_text (card, "contact3_phone", "+44 7700 900123");
  nh_card_set_text (card, "gp_phone", "01632 960001");

  contacts = nh_card_dup_phone_contacts (card, edition);
  g_assert_cmpuint (g_strv_length (contacts), ==, 3);
  g_assert_cmpstr (contacts[0], ==, "Immunology centre: St Example's\t+44 20 7946 0000");
  g_assert_cmpstr (contacts[1], ==, "Jane Doe (mother)\t+44 7700 900123");
  g_assert_cmpstr (contacts[2], ==, "GP or family doctor\t01632 960001");
}

/* One table says it all: every field belongs to one printed line, a
 * line's fields follow each other, and a blank card, a filled card and the
 * editor use the same label for a line (the last Ig dose had three). */
static void
test_layout_table (void)
{
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *previous = NULL;
  guint n;
  const NhCardField *fields = nh_card_layout_get_fields (&n);

  g_assert_true (fields == nh_card_get_fields (&n));

  for (guint i = 0; i < n; i++)
    {
      const NhCardField *first = nh_card_layout_find_line (fields[i].line);

      g_assert_nonnull (fields[i].line);
      g_assert_nonnull (nh_card_layout_section_label (fields[i].section));
      g_assert_true (nh_card_find_field (fields[i].id) == &fields[i]);
      /* A line's fields are next to each other, and agree on its side. */
      if (g_strcmp0 (previous, fields[i].line) != 0)
        g_assert_false (g_hash_table_contains (seen, fields[i].line));
      g_hash_table_add (seen, (gpointer)fields[i].line);
      g_assert_cmpint (first->side, ==, fields[i].side);
      previous = fields[i].line;
      nh_card_set_text (card, fields[i].id, fields[i].kind == NH_CARD_KIND_DATE ? "2020-01-02" :
                                            fields[i].kind == NH_CARD_KIND_PHONE ? "+44 1 234 5678" : "x");
    }

  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    {
      g_autoptr(GPtrArray) filled = nh_card_dup_entries (card, edition, side, FALSE);
      g_autoptr(GPtrArray) blank = nh_card_dup_entries (card, edition, side, TRUE);

      for (guint i = 0; i < filled->len; i++)
        {
          NhCardEntry *entry = g_ptr_array_index (filled, i);
          const NhCardField *first = nh_card_layout_find_line (entry->id);

          g_assert_nonnull (first);
          g_assert_cmpint (first->side, ==, side);
          g_assert_nonnull (entry->value);
          g_assert_cmpstr (entry->label, ==, nh_card_layout_line_label (first));
        }

      for (guint i = 0; i < blank->len; i++)
        {
          NhCardEntry *entry = g_ptr_array_index (blank, i);

          g_assert_cmpstr (entry->label, ==, nh_card_layout_line_label (nh_card_layout_find_line (entry->id)));
        }
    }

  /* The last Ig dose: one label in the editor and on every card. */
  g_assert_cmpstr (nh_card_find_field ("ig_last_dose")->label, ==, "Last immunoglobulin dose");
  g_assert_cmpstr (nh_card_layout_line_label (nh_card_layout_find_line ("ig_last_dose")), ==,
                   "Last immunoglobulin dose");
}

/* Runs build-aux/check-edition-schema on a card file: 0 valid, 1 not, 77
 * without python3-jsonschema. */
static int
check_schema (const char *path)
{
  g_autofree char *root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));
  g_autofree char *script = g_build_filename (root, "build-aux", "check-edition-schema", NULL);
  g_autofree char *schema = g_build_filename (root, "data", "card.schema.json", NULL);
  const char *argv[] = { "python3", script, schema, path, NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* data/card.schema.json describes what the app writes, every field of the
 * layout table included. */
static void
test_schema (void)
{
  g_autoptr(NhStore) store = new_store ();
  g_autoptr(NhCard) card = nh_card_new (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_store_dup_path (store, NH_CARD_FILE_NAME);
  g_autofree char *schema_path = NULL;
  g_autofree char *schema = NULL;
  const NhCardField *fields;
  guint n;
  int status;

  g_assert_true (nh_card_load (card, &error));
  fields = nh_card_get_fields (&n);
  for (guint i = 0; i < n; i++)
    nh_card_set_text (card, fields[i].id, "as typed");
  nh_card_set_show_qr (card, TRUE);
  nh_card_set_lock_screen_shows (card, "medicines", TRUE);
  g_assert_true (nh_card_save (card, &error));

  status = check_schema (path);
  if (status == 77)
    {
      g_test_skip ("python3-jsonschema is not installed");
      return;
    }
  g_assert_cmpint (status, ==, 0);

  /* Every field id is named in the schema. */
  {
    g_autofree char *root = g_path_get_dirname (g_test_get_dir (G_TEST_DIST));

    schema_path = g_build_filename (root, "data", "card.schema.json", NULL);
  }
  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", fields[i].id);

      g_assert_nonnull (strstr (schema, quoted));
    }

  /* A file from a newer format is not one the schema describes. */
  write_file (store, "{ \"format\": 2 }");
  g_assert_cmpint (check_schema (path), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  edition = nh_edition_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nh/card/field-ids", test_field_ids);
  g_test_add_func ("/nh/card/round-trip", test_round_trip);
  g_test_add_func ("/nh/card/defaults", test_defaults);
  g_test_add_func ("/nh/card/check-dates", test_check_dates);
  g_test_add_func ("/nh/card/check-phones", test_check_phones);
  g_test_add_func ("/nh/card/check-lengths", test_check_lengths);
  g_test_add_func ("/nh/card/messages-plain", test_messages_plain);
  g_test_add_func ("/nh/card/required-name", test_required_name);
  g_test_add_func ("/nh/card/invalid-kept", test_invalid_kept);
  g_test_add_func ("/nh/card/file-modes", test_file_modes);
  g_test_add_func ("/nh/card/saves-after-change", test_saves_after_change);
  g_test_add_func ("/nh/card/saves-when-dropped", test_saves_when_dropped);
  g_test_add_func ("/nh/card/corrupt-files", test_corrupt_files);
  g_test_add_func ("/nh/card/too-large", test_too_large);
  g_test_add_func ("/nh/card/revision", test_revision);
  g_test_add_func ("/nh/card/prefill", test_prefill);
  g_test_add_func ("/nh/card/unknown-fields-kept", test_unknown_fields_kept);
  g_test_add_func ("/nh/card/entries-and-text", test_entries_and_text);
  g_test_add_func ("/nh/card/phone-contacts", test_phone_contacts);
  g_test_add_func ("/nh/card/layout-table", test_layout_table);
  g_test_add_func ("/nh/card/schema", test_schema);

  return g_test_run ();
}
