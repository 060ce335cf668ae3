/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-csv.c: the record's tables to and from spreadsheets (CSV) */

#include <glib/gstdio.h>

#include "model/nh-record-csv.h"

static NhRecord *
record_with_two_infusions (void)
{
  NhRecord *record = nh_record_new (NULL);
  const char *first[] = { "2026-01-05T18:00", "Product, \"A\"", "iv", "10", "g", "AB1", "", "", "",
                          "", "two\nlines", NULL };
  const char *second[] = { "2026-01-12T18:00", "Prodüct B", "subcutaneous", "2.5", "g", "AB2", "", "", "",
                           "", "", NULL };

  g_assert_true (nh_record_add_entry (record, NH_RECORD_INFUSIONS, second, NULL, NULL));
  g_assert_true (nh_record_add_entry (record, NH_RECORD_INFUSIONS, first, NULL, NULL));

  return record;
}

static void
test_export_quoting (void)
{
  g_autoptr(NhRecord) record = record_with_two_infusions ();
  g_autofree char *csv = nh_record_csv_export (record, NH_RECORD_INFUSIONS, NULL);

  g_assert_cmpstr (csv, ==,
                   "time,product,route,dose,dose_unit,lots,expiry,sites,given_by,reaction,notes\r\n"
                   "2026-01-05T18:00,\"Product, \"\"A\"\"\",iv,10,g,AB1,,,,,\"two\nlines\"\r\n"
                   "2026-01-12T18:00,Prodüct B,subcutaneous,2.5,g,AB2,,,,,\r\n");
}

/* What is exported imports into an empty record as it was. */
static void
test_round_trip (void)
{
  g_autoptr(NhRecord) record = record_with_two_infusions ();
  g_autoptr(NhRecord) other = nh_record_new (NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *again = NULL;
  gsize length;
  guint added, skipped;

  csv = nh_record_csv_export (record, NH_RECORD_INFUSIONS, &length);
  g_assert_true (nh_record_csv_import (other, NH_RECORD_INFUSIONS, csv, length, &added, &skipped, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (skipped, ==, 0);
  again = nh_record_csv_export (other, NH_RECORD_INFUSIONS, NULL);
  g_assert_cmpstr (csv, ==, again);

  /* Twice adds nothing more. */
  g_assert_true (nh_record_csv_import (other, NH_RECORD_INFUSIONS, csv, length, &added, &skipped, problems, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 2);
  g_assert_cmpuint (nh_record_get_n_entries (other, NH_RECORD_INFUSIONS), ==, 2);
}

/* A spreadsheet's own file: a byte order mark, LF line ends, columns in
 * another order and only some of them, "," decimals, a blank line. */
static void
test_spreadsheet_file (void)
{
  g_autoptr(NhRecord) record = nh_record_new (NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *csv = "\xef\xbb\xbfTest,Date,Value,Unit,target_low,target_high\n"
                    "IgG trough level,2026-02-01,\"7,5\",g/L,6,9\n"
                    "\n"
                    "IgG trough level,2026-05-01,8.1,g/L,6,9";
  guint added;

  g_assert_true (nh_record_csv_import (record, NH_RECORD_LAB_RESULTS, csv, strlen (csv), &added, NULL, problems, NULL));
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpstr (nh_record_entry_get (nh_record_get_entry (record, NH_RECORD_LAB_RESULTS, 0),
                                        NH_RECORD_LAB_RESULTS, "value"), ==, "7.5");
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *text)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), text) != NULL)
      return TRUE;

  return FALSE;
}

/* Every problem with its row and column, and nothing added. */
static void
test_problems_named (void)
{
  g_autoptr(NhRecord) record = record_with_two_infusions ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *csv = "onset,what,end,hospital\r\n"
                    "2026-03-01,Ear infection,2026-03-05,visit\r\n"
                    "2026-03-32,Cough,,\r\n"
                    ",Fever,,stayed home\r\n"
                    "2026-04-10,Chest infection,2026-04-01,admission\r\n"
                    "2026-04-10,too,many,fields,here\r\n";
  guint added = 99;

  g_assert_false (nh_record_csv_import (record, NH_RECORD_ILLNESSES, csv, strlen (csv), &added, NULL, problems, NULL));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_ILLNESSES), ==, 0);
  g_assert_true (has_problem (problems, "row 3, column 1 (onset)"));
  g_assert_true (has_problem (problems, "row 4, column 1 (onset)"));
  g_assert_true (has_problem (problems, "row 4, column 4 (hospital)"));
  g_assert_true (has_problem (problems, "row 5, column 3 (end)"));
  g_assert_true (has_problem (problems, "row 6:"));
  g_assert_cmpuint (problems->len, ==, 5);
}

static void
test_bad_files (void)
{
  static const char * const bad[][2] = {
    { "", "row 1:" },
    { "product,colour\nP,red\n", "row 1, column 2: unknown column" },
    { "product,dose\nP,1\n", "“time” is missing" },
    { "time,product,time\n", "row 1, column 3" },
    { "time,product\n2026-01-01 10:00,\"open\n", "not closed" },
    { "time,product\n2026-01-01 10:00,\xff\n", "row 2: this is not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(NhRecord) record = nh_record_new (NULL);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

      g_assert_false (nh_record_csv_import (record, NH_RECORD_INFUSIONS, bad[i][0], strlen (bad[i][0]),
                                            NULL, NULL, problems, NULL));
      if (!has_problem (problems, bad[i][1]))
        g_error ("file %u: no problem says “%s”", i, bad[i][1]);
      g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_INFUSIONS), ==, 0);
    }
}

/* The command line: a bad file is refused whole, a good one comes in. */
static void
test_command_line (void)
{
  const char *binary = g_getenv ("NH_BINARY");
  g_autofree char *home = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_autofree char *good = g_build_filename (g_get_user_data_dir (), "good.csv", NULL);
  g_autofree char *bad = g_build_filename (g_get_user_data_dir (), "bad.csv", NULL);
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "out.csv", NULL);
  g_autofree char *input_good = g_strdup_printf ("--input=%s", good);
  g_autofree char *input_bad = g_strdup_printf ("--input=%s", bad);
  g_autofree char *output = g_strdup_printf ("--output=%s", out);
  g_autofree char *exported = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", home, TRUE);
  const char *import_bad[] = { binary, "--import=lab-results", input_bad, NULL };
  const char *import_good[] = { binary, "--import=lab-results", input_good, NULL };
  const char *export[] = { binary, "--export=lab-results", output, NULL };
  g_autofree char *err = NULL;
  g_autofree char *std_out = NULL;
  int status;

  if (binary == NULL)
    {
      g_test_skip ("NH_BINARY is not set");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (good, "date,test,value,unit\n2026-02-01,IgG trough level,7.5,g/L\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "date,test,value,unit\n2026-02-01,IgG trough level,7.5 g/L,\n", -1, NULL));

  g_assert_true (g_spawn_sync (NULL, (char **)import_bad, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "row 2, column 3 (value)"));

  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **)import_good, env, G_SPAWN_DEFAULT, NULL, NULL, &std_out, &err, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_spawn_sync (NULL, (char **)export, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
  g_assert_cmpstr (exported, ==, "date,test,value,unit,target_low,target_high,notes\r\n"
                                 "2026-02-01,IgG trough level,7.5,g/L,,,\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/record-csv/export-quoting", test_export_quoting);
  g_test_add_func ("/nh/record-csv/round-trip", test_round_trip);
  g_test_add_func ("/nh/record-csv/spreadsheet-file", test_spreadsheet_file);
  g_test_add_func ("/nh/record-csv/problems-named", test_problems_named);
  g_test_add_func ("/nh/record-csv/bad-files", test_bad_files);
  g_test_add_func ("/nh/record-csv/command-line", test_command_line);

  return g_test_run ();
}
