/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checklist-state.c: episodes, ticks and readings survive a restart */

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "model/nh-checklist-state.h"

static NhStore *
temp_store (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "nh-test-store", NULL);

  return nh_store_new (dir);
}

static GDateTime *
at (int hour,
    int minute)
{
  return g_date_time_new_utc (2026, 11, 25, hour, minute, 0);
}

static NhChecklistState *
reload (NhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  NhChecklistState *state = nh_checklist_state_load (store, &backup, &error);

  g_assert_no_error (error);
  g_assert_null (backup);
  return state;
}

static void
test_round_trip (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = reload (store);
  g_autoptr(NhChecklistState) again = NULL;
  g_autoptr(GDateTime) t1 = at (14, 7);
  g_autoptr(GDateTime) t2 = at (14, 10);
  g_autoptr(GError) error = NULL;
  NhEpisode *episode = nh_checklist_state_get_current (state);
  NhEpisode *loaded;

  nh_episode_set_tick (episode, "call-team", t1);
  nh_episode_set_tick (episode, "take-card", t2);
  nh_episode_set_tick (episode, "take-card", NULL);
  g_assert_true (nh_episode_add_reading (episode, t2, "  38.6 °C  ", &error));
  g_assert_true (nh_episode_set_notes (episode, "Shivering <b>&", &error));
  g_assert_true (nh_checklist_state_set_clinic (state, "Call us day or night", "+44 20 1234", &error));
  g_assert_true (nh_checklist_state_save (state, &error));
  g_assert_no_error (error);

  again = reload (store);
  loaded = nh_checklist_state_get_current (again);
  g_assert_cmpstr (nh_episode_get_id (loaded), ==, nh_episode_get_id (episode));
  g_assert_true (g_date_time_equal (nh_episode_get_tick (loaded, "call-team"), t1));
  g_assert_null (nh_episode_get_tick (loaded, "take-card"));
  g_assert_cmpuint (nh_episode_get_n_ticks (loaded), ==, 1);
  g_assert_cmpuint (nh_episode_get_n_readings (loaded), ==, 1);
  g_assert_cmpstr (nh_episode_get_reading_value (loaded, 0), ==, "38.6 °C");
  g_assert_true (g_date_time_equal (nh_episode_get_reading_time (loaded, 0), t2));
  g_assert_cmpstr (nh_episode_get_notes (loaded), ==, "Shivering <b>&");
  g_assert_cmpstr (nh_checklist_state_get_clinic_text (again), ==, "Call us day or night");
  g_assert_cmpstr (nh_checklist_state_get_clinic_phone (again), ==, "+44 20 1234");
}

static void
test_file_modes (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = reload (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_store_dup_path (store, NH_CHECKLIST_STATE_FILE);
  GStatBuf st;

  g_assert_true (nh_checklist_state_save (state, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (nh_store_get_directory (store), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_new_episode_archives (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = reload (store);
  g_autoptr(NhChecklistState) again = NULL;
  g_autoptr(GDateTime) t1 = at (9, 0);
  g_autoptr(GDateTime) t2 = at (18, 30);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;
  NhEpisode *first = nh_checklist_state_get_current (state);
  NhEpisode *archived;

  /* An empty episode is not worth keeping. */
  g_assert_null (nh_checklist_state_start_new_episode (state, t1));
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), ==, 0);

  first = nh_checklist_state_get_current (state);
  first_id = g_strdup (nh_episode_get_id (first));
  nh_episode_set_tick (first, "call-team", t1);
  archived = nh_checklist_state_start_new_episode (state, t2);
  g_assert_true (archived == first);
  g_assert_true (nh_checklist_state_get_current (state) != first);
  g_assert_true (g_date_time_equal (nh_episode_get_ended_at (archived), t2));
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), ==, 1);

  g_assert_true (nh_checklist_state_save (state, &error));
  again = reload (store);
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (again)), ==, 1);
  g_assert_nonnull (nh_checklist_state_find_episode (again, first_id));
  g_assert_nonnull (nh_episode_get_tick (nh_checklist_state_find_episode (again, first_id), "call-team"));
  g_assert_cmpuint (nh_episode_get_n_ticks (nh_checklist_state_get_current (again)), ==, 0);

  g_assert_true (nh_checklist_state_delete_episode (again, first_id));
  g_assert_null (nh_checklist_state_find_episode (again, first_id));
  g_assert_false (nh_checklist_state_delete_episode (again, first_id));
}

static void
test_undo_new_episode (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = reload (store);
  g_autoptr(GDateTime) t1 = at (9, 0);
  NhEpisode *first = nh_checklist_state_get_current (state);
  NhEpisode *archived;

  nh_episode_set_tick (first, "call-team", t1);
  archived = nh_checklist_state_start_new_episode (state, t1);
  nh_checklist_state_undo_new_episode (state, archived);

  g_assert_true (nh_checklist_state_get_current (state) == first);
  g_assert_null (nh_episode_get_ended_at (first));
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), ==, 0);
}

/* --episode=latest: the current one when something is in it, else the
 * one just archived. */
static void
test_latest_and_reopen (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = reload (store);
  g_autoptr(NhChecklistState) again = NULL;
  g_autoptr(GDateTime) t1 = at (2, 10);
  g_autoptr(GDateTime) t2 = at (3, 0);
  g_autoptr(GError) error = NULL;
  NhEpisode *first = nh_checklist_state_get_current (state);
  g_autofree char *first_id = g_strdup (nh_episode_get_id (first));
  NhEpisode *second;

  g_assert_true (nh_checklist_state_get_latest (state) == first);
  nh_episode_set_tick (first, "call-team", t1);
  g_assert_true (nh_checklist_state_get_latest (state) == first);

  nh_checklist_state_start_new_episode (state, t2);
  second = nh_checklist_state_get_current (state);
  g_assert_true (nh_checklist_state_get_latest (state) == first);
  nh_episode_set_tick (second, "call-team", t2);
  g_assert_true (nh_checklist_state_get_latest (state) == second);

  /* Reopening swaps them: the second is kept, the first goes on. */
  g_assert_true (nh_checklist_state_reopen_episode (state, first_id, t2) == first);
  g_assert_true (nh_checklist_state_get_current (state) == first);
  g_assert_null (nh_episode_get_ended_at (first));
  g_assert_true (g_date_time_equal (nh_episode_get_tick (first, "call-team"), t1));
  g_assert_true (nh_checklist_state_find_episode (state, nh_episode_get_id (second)) == second);
  g_assert_nonnull (nh_episode_get_ended_at (second));
  g_assert_null (nh_checklist_state_reopen_episode (state, "not-there", t2));

  g_assert_true (nh_checklist_state_save (state, &error));
  again = reload (store);
  g_assert_cmpstr (nh_episode_get_id (nh_checklist_state_get_current (again)), ==, first_id);
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (again)), ==, 1);
}

/* A reading keeps the time the parent gives it, can be corrected and
 * removed, and the history says what it was and when it changed. */
static void
test_reading_times_and_history (void)
{
  static const char fresh[] = "{\"version\":1,\"current\":{\"started\":\"2026-11-25T02:00:00Z\"}}";
  g_autoptr(GBytes) fresh_bytes = g_bytes_new_static (fresh, sizeof fresh - 1);
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(NhChecklistState) again = NULL;
  g_autoptr(GDateTime) t0210 = at (2, 10);
  g_autoptr(GDateTime) t0230 = at (2, 30);
  g_autoptr(GDateTime) t0240 = at (2, 40);
  g_autoptr(GDateTime) t0250 = at (2, 50);
  g_autoptr(GDateTime) before_time = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  NhEpisode *episode;

  state = nh_checklist_state_new_from_bytes (fresh_bytes, &error);
  g_assert_no_error (error);
  episode = nh_checklist_state_get_current (state);

  /* Typed at 02:40, measured at 02:10: it goes before the 02:30 one. */
  g_assert_true (nh_episode_add_reading (episode, t0230, "38.2 °C", NULL));
  g_assert_true (nh_episode_add_reading (episode, t0210, "38.9 °C", NULL));
  g_assert_cmpstr (nh_episode_get_reading_value (episode, 0), ==, "38.9 °C");
  g_assert_cmpstr (nh_episode_get_reading_value (episode, 1), ==, "38.2 °C");
  g_assert_cmpuint (nh_episode_get_n_changes (episode), ==, 0);

  /* Corrected at 02:40: the value and the time move, the old one is kept. */
  g_assert_false (nh_episode_update_reading (episode, 0, t0210, "  ", t0240, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_true (nh_episode_update_reading (episode, 0, t0250, "39.1 °C", t0240, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nh_episode_get_reading_value (episode, 0), ==, "38.2 °C");
  g_assert_cmpstr (nh_episode_get_reading_value (episode, 1), ==, "39.1 °C");
  g_assert_true (g_date_time_equal (nh_episode_get_reading_changed (episode, 1), t0240));
  g_assert_null (nh_episode_get_reading_changed (episode, 0));
  g_assert_cmpuint (nh_episode_get_n_changes (episode), ==, 1);
  g_assert_cmpstr (nh_episode_get_change_kind (episode, 0), ==, NH_EPISODE_CHANGE_READING);
  g_assert_true (g_date_time_equal (nh_episode_get_change_time (episode, 0), t0240));
  before = nh_episode_dup_change_before (episode, 0, &before_time);
  g_assert_cmpstr (before, ==, "38.9 °C");
  g_assert_true (g_date_time_equal (before_time, t0210));

  nh_episode_remove_reading (episode, 0);
  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, 1);
  g_assert_cmpstr (nh_episode_get_change_kind (episode, 1), ==, NH_EPISODE_CHANGE_READING_REMOVED);

  /* Notes written first are no change; rewriting them is. */
  g_assert_true (nh_episode_set_notes (episode, "Gave water", NULL));
  g_assert_cmpuint (nh_episode_get_n_changes (episode), ==, 2);
  g_assert_true (nh_episode_set_notes (episode, "Gave water and juice", NULL));
  g_assert_true (nh_episode_set_notes (episode, "Gave water and apple juice", NULL));
  g_assert_cmpuint (nh_episode_get_n_changes (episode), ==, 3);
  g_clear_pointer (&before, g_free);
  before = nh_episode_dup_change_before (episode, 2, NULL);
  g_assert_cmpstr (before, ==, "Gave water");

  /* All of it survives a restart. */
  {
    gsize length;
    g_autofree char *data = nh_checklist_state_to_data (state, &length);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);

    again = nh_checklist_state_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
  }
  episode = nh_checklist_state_get_current (again);
  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, 1);
  g_assert_true (g_date_time_equal (nh_episode_get_reading_changed (episode, 0), t0240));
  g_assert_cmpuint (nh_episode_get_n_changes (episode), ==, 3);
  g_assert_cmpstr (nh_episode_get_change_kind (episode, 1), ==, NH_EPISODE_CHANGE_READING_REMOVED);
}

/* A file written before readings had their own times edited and before
 * the history (same format version 1) reads as it did. */
static void
test_old_format_loads (void)
{
  static const char old[] =
    "{\"version\": 1, \"clinic\": {\"text\": \"\", \"phone\": \"\"},\n"
    " \"current\": {\"id\": \"20261125T090000000000Z\", \"started\": \"2026-11-25T09:00:00Z\","
    " \"ended\": null, \"ticks\": {\"call-team\": \"2026-11-25T09:02:00Z\"},"
    " \"readings\": [{\"time\": \"2026-11-25T09:05:00Z\", \"value\": \"38.6 °C\"}], \"notes\": \"x\"},\n"
    " \"archive\": [{\"id\": \"20261120T090000000000Z\", \"started\": \"2026-11-20T09:00:00Z\","
    " \"ended\": \"2026-11-20T12:00:00Z\", \"ticks\": {}, \"readings\": [], \"notes\": \"\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (old, sizeof old - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhChecklistState) state = nh_checklist_state_new_from_bytes (bytes, &error);
  NhEpisode *current;

  g_assert_no_error (error);
  current = nh_checklist_state_get_current (state);
  g_assert_cmpstr (nh_episode_get_id (current), ==, "20261125T090000000000Z");
  g_assert_cmpuint (nh_episode_get_n_readings (current), ==, 1);
  g_assert_null (nh_episode_get_reading_changed (current, 0));
  g_assert_cmpuint (nh_episode_get_n_changes (current), ==, 0);
  g_assert_nonnull (nh_checklist_state_find_episode (state, "20261120T090000000000Z"));
}

static void
test_parse_clock (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 2, 12, 2, 40, 0);
  g_autoptr(GDateTime) just_after_midnight = g_date_time_new_local (2026, 2, 12, 0, 20, 0);
  static const struct { const char *text; int hour, minute; } good[] = {
    { "02:10", 2, 10 }, { "2:10", 2, 10 }, { "0210", 2, 10 }, { "210", 2, 10 },
    { "2.10", 2, 10 }, { "2h10", 2, 10 }, { " 02 10 ", 2, 10 }, { "2", 2, 0 },
  };
  static const char * const bad[] = { "", "abc", "25:00", "02:60", "2:1", "12345", "2:10pm", ":10", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) time = nh_episode_parse_clock (good[i].text, NULL, now);

      g_assert_nonnull (time);
      g_assert_cmpint (g_date_time_get_hour (time), ==, good[i].hour);
      g_assert_cmpint (g_date_time_get_minute (time), ==, good[i].minute);
      g_assert_cmpint (g_date_time_get_day_of_month (time), ==, 12);
    }

  for (guint i = 0; bad[i]; i++)
    g_assert_null (nh_episode_parse_clock (bad[i], NULL, now));

  /* 23:50 typed at 00:20 was last night. */
  {
    g_autoptr(GDateTime) time = nh_episode_parse_clock ("23:50", NULL, just_after_midnight);

    g_assert_cmpint (g_date_time_get_day_of_month (time), ==, 11);
  }
}

static void
check_bad_file_kept (const char *contents,
                     gssize      length)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_store_dup_path (store, NH_CHECKLIST_STATE_FILE);
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  gsize kept_length;

  g_assert_true (nh_store_save (store, NH_CHECKLIST_STATE_FILE, contents,
                                length < 0 ? strlen (contents) : (gsize)length, &error));

  state = nh_checklist_state_load (store, &backup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (state);
  g_assert_nonnull (backup);
  g_assert_true (strstr (backup, ".corrupt-") != NULL);

  /* The old bytes are all there, and the app starts with a working state. */
  g_assert_true (g_file_get_contents (backup, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, contents, length < 0 ? strlen (contents) : (gsize)length);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (nh_episode_get_n_ticks (nh_checklist_state_get_current (state)), ==, 0);
  g_assert_true (nh_checklist_state_save (state, &error));
  g_assert_no_error (error);
}

static void
test_corrupt_file_backed_up (void)
{
  check_bad_file_kept ("{ \"version\": 1, \"current\": ", -1);
}

static void
test_empty_file_backed_up (void)
{
  check_bad_file_kept ("", 0);
}

static void
test_wrong_version_backed_up (void)
{
  check_bad_file_kept ("{ \"version\": 99, \"current\": {} }", -1);
}

static void
test_invalid_utf8_backed_up (void)
{
  check_bad_file_kept ("{ \"version\": 1, \"x\": \"\xff\xfe\" }", -1);
}

static void
test_oversized_file_backed_up (void)
{
  gsize size = NH_CHECKLIST_STATE_MAX_BYTES + 10;
  g_autofree char *big = g_malloc (size);

  memset (big, ' ', size);
  check_bad_file_kept (big, size);
}

/* A save killed before its rename leaves GLib's temporary file; the next
 * load removes it, and keeps the corrupt-file backups. */
static void
test_stale_temporary_removed (void)
{
  g_autoptr(NhStore) store = temp_store ();
  g_autoptr(NhChecklistState) state = reload (store);
  g_autoptr(NhChecklistState) again = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (nh_checklist_state_save (state, &error));
  stale = g_build_filename (nh_store_get_directory (store), NH_CHECKLIST_STATE_FILE ".Ab12Cd", NULL);
  backup = g_build_filename (nh_store_get_directory (store), NH_CHECKLIST_STATE_FILE ".corrupt-20260101T000000Z", NULL);
  g_assert_true (g_file_set_contents (stale, "private", -1, NULL));
  g_assert_true (g_file_set_contents (backup, "kept", -1, NULL));

  again = reload (store);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_reading_limits (void)
{
  g_autoptr(GDateTime) now = at (10, 0);
  g_autoptr(NhEpisode) episode = nh_episode_new (now);
  g_autofree char *long_value = g_strnfill (NH_EPISODE_MAX_VALUE_CHARS + 1, '9');
  g_autoptr(GError) error = NULL;

  g_assert_false (nh_episode_add_reading (episode, now, "   ", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (nh_episode_add_reading (episode, now, long_value, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/checklist-state/round-trip", test_round_trip);
  g_test_add_func ("/nh/checklist-state/file-modes", test_file_modes);
  g_test_add_func ("/nh/checklist-state/new-episode-archives", test_new_episode_archives);
  g_test_add_func ("/nh/checklist-state/undo-new-episode", test_undo_new_episode);
  g_test_add_func ("/nh/checklist-state/latest-and-reopen", test_latest_and_reopen);
  g_test_add_func ("/nh/checklist-state/reading-times-and-history", test_reading_times_and_history);
  g_test_add_func ("/nh/checklist-state/old-format-loads", test_old_format_loads);
  g_test_add_func ("/nh/checklist-state/parse-clock", test_parse_clock);
  g_test_add_func ("/nh/checklist-state/corrupt-file-backed-up", test_corrupt_file_backed_up);
  g_test_add_func ("/nh/checklist-state/empty-file-backed-up", test_empty_file_backed_up);
  g_test_add_func ("/nh/checklist-state/wrong-version-backed-up", test_wrong_version_backed_up);
  g_test_add_func ("/nh/checklist-state/invalid-utf8-backed-up", test_invalid_utf8_backed_up);
  g_test_add_func ("/nh/checklist-state/oversized-file-backed-up", test_oversized_file_backed_up);
  g_test_add_func ("/nh/checklist-state/reading-limits", test_reading_limits);
  g_test_add_func ("/nh/checklist-state/stale-temporary-removed", test_stale_temporary_removed);

  return g_test_run ();
}
