/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-backup.c: one file with everything, and restoring it */

#include <glib/gstdio.h>

#include "model/nh-backup.h"

static NhFamily *
load (const char *name)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(GError) error = NULL;
  NhFamily *family = nh_family_load (store, NULL, &error);

  g_assert_no_error (error);
  return family;
}

static void
fill (NhFamily *family)
{
  g_autoptr(GError) error = NULL;
  const char *infusion[] = { "2026-11-30T18:30", "Product A", "iv", "10", "g", "LOT-1", "", "", "", "", "", NULL };
  const char *lab[] = { "2026-11-01", "IgG trough level", "7.5", "g/L", "6", "9", "", NULL };
  NhChild *first = nh_family_get_child (family, 0);
  NhChild *sam;
  g_autoptr(GDateTime) t = g_date_time_new_utc (2026, 11, 2, 21, 40, 0);

  nh_card_set_text (nh_child_get_card (first), "child_name", "Leo");
  g_assert_true (nh_record_add_entry (nh_child_get_record (first, NULL), NH_RECORD_INFUSIONS, infusion, NULL, &error));
  g_assert_true (nh_episode_add_reading (nh_checklist_state_get_current (nh_child_get_checklist_state (first, NULL)),
                                         t, "39.1 °C", &error));
  g_assert_true (nh_checklist_state_save (nh_child_get_checklist_state (first, NULL), &error));

  sam = nh_family_add_child (family, "Sam", &error);
  g_assert_no_error (error);
  nh_card_set_text (nh_child_get_card (sam), "child_name", "Sam");
  g_assert_true (nh_record_add_entry (nh_child_get_record (sam, NULL), NH_RECORD_LAB_RESULTS, lab, NULL, &error));
  g_assert_true (nh_family_flush (family, &error));
}

static GBytes *
backup_of (NhFamily *family)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  char *data = nh_backup_dup_data (family, &length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return g_bytes_new_take (data, length);
}

static void
test_round_trip (void)
{
  g_autoptr(NhFamily) family = load ("from");
  g_autoptr(NhFamily) other = load ("to");
  g_autoptr(NhFamily) restored = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) previous_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint n;
  NhChild *sam;

  fill (family);
  bytes = backup_of (family);
  g_assert_true (nh_backup_check (other, bytes, &n, &error));
  g_assert_cmpuint (n, ==, 2);

  nh_card_set_text (nh_child_get_card (nh_family_get_child (other, 0)), "child_name", "Before");
  g_assert_true (nh_family_flush (other, &error));
  g_assert_true (nh_backup_restore (other, bytes, &previous, &error));
  g_assert_no_error (error);
  g_assert_nonnull (previous);

  restored = load ("to");
  g_assert_cmpuint (nh_family_get_n_children (restored), ==, 2);
  g_assert_cmpstr (nh_card_get_text (nh_child_get_card (nh_family_get_child (restored, 0)), "child_name"), ==, "Leo");
  g_assert_cmpuint (nh_record_get_n_entries (nh_child_get_record (nh_family_get_child (restored, 0), NULL),
                                             NH_RECORD_INFUSIONS), ==, 1);
  g_assert_cmpuint (nh_episode_get_n_readings (nh_checklist_state_get_current (
                      nh_child_get_checklist_state (nh_family_get_child (restored, 0), NULL))), ==, 1);
  sam = nh_family_find_child (restored, "Sam");
  g_assert_nonnull (sam);
  g_assert_cmpuint (nh_record_get_n_entries (nh_child_get_record (sam, NULL), NH_RECORD_LAB_RESULTS), ==, 1);

  /* What was there before is a backup of its own. */
  g_assert_true (g_file_get_contents (previous, &contents, &length, NULL));
  previous_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_true (nh_backup_check (restored, previous_bytes, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (nh_backup_restore (restored, previous_bytes, NULL, &error));
  g_clear_object (&restored);
  restored = load ("to");
  /* Sam is gone again, with his files; nothing of him comes back. */
  g_assert_cmpuint (nh_family_get_n_children (restored), ==, 1);
  g_assert_cmpstr (nh_card_get_text (nh_child_get_card (nh_family_get_child (restored, 0)), "child_name"), ==, "Before");
}

/* Anything wrong anywhere: nothing changes. */
static void
test_bad_backup_changes_nothing (void)
{
  g_autoptr(NhFamily) family = load ("kept");
  g_autoptr(NhFamily) again = NULL;
  static const char * const bad[] = {
    "",
    "{}",
    "{\"kind\": \"nemo-handbook-backup\", \"format\": 2, \"children\": []}",
    "{\"kind\": \"nemo-handbook-backup\", \"format\": 1, \"children\": []}",
    "{\"kind\": \"nemo-handbook-backup\", \"format\": 1, \"children\": [{\"id\": \"a\", \"name\": \"x\", "
    "\"record\": {\"format\": 1, \"lab_results\": [{\"id\": \"1\", \"date\": \"2026-01-01\", \"test\": \"t\", \"value\": \"7 g\"}]}}]}",
    "{\"kind\": \"nemo-handbook-backup\", \"format\": 1, \"children\": [{\"id\": \"a\", \"name\": \"x\", "
    "\"card\": {\"format\": 1, \"fields\": []}}]}",
    "{\"kind\": \"nemo-handbook-backup\", \"format\": 1, \"children\": [{\"id\": \"a\", \"name\": \"x\", "
    "\"checklist\": {\"version\": 1}}]}",
  };

  fill (family);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autofree char *previous = NULL;

      g_assert_false (nh_backup_restore (family, bytes, &previous, &error));
      g_assert_nonnull (error);
      g_assert_null (previous);
    }

  again = load ("kept");
  g_assert_cmpuint (nh_family_get_n_children (again), ==, 2);
  g_assert_cmpstr (nh_card_get_text (nh_child_get_card (nh_family_get_child (again, 0)), "child_name"), ==, "Leo");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/backup/round-trip", test_round_trip);
  g_test_add_func ("/nh/backup/bad-backup-changes-nothing", test_bad_backup_changes_nothing);

  return g_test_run ();
}
