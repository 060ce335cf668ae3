/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-clinic.c: the clinic file: reading, checking, languages, the
 * app's copy, and the command line that writes, checks and prints it */

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "model/nh-clinic.h"
#include "nh-test-tmp.h"

static const char *binary;

static const char ours[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"name\": \"Kinderklinik Example\",\n"
  "  \"phone\": \"+49 30 1234 5678\",\n"
  "  \"instructions\": [\n"
  "    { \"language\": \"en\", \"text\": \"Call our ward first, day or night.\" },\n"
  "    { \"language\": \"fr\", \"text\": \"Appelez d'abord notre service.\" }\n"
  "  ]\n"
  "}\n";

static NhClinic *
parse (const char *text,
       GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return nh_clinic_new_from_bytes (bytes, error);
}

static void
test_languages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhClinic) clinic = parse (ours, &error);
  const char *written_in = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nh_clinic_get_name (clinic), ==, "Kinderklinik Example");
  g_assert_cmpstr (nh_clinic_get_phone (clinic), ==, "+49 30 1234 5678");
  g_assert_cmpuint (nh_clinic_get_n_instructions (clinic), ==, 2);

  g_assert_cmpstr (nh_clinic_lookup_instruction (clinic, "fr", &written_in), ==, "Appelez d'abord notre service.");
  g_assert_cmpstr (written_in, ==, "fr");
  g_assert_cmpstr (nh_clinic_lookup_instruction (clinic, "en-GB", &written_in), ==, "Call our ward first, day or night.");
  g_assert_cmpstr (written_in, ==, "en");
  /* Not written in German: the clinic's first language, saying which. */
  g_assert_cmpstr (nh_clinic_lookup_instruction (clinic, "de", &written_in), ==, "Call our ward first, day or night.");
  g_assert_cmpstr (written_in, ==, "en");
  g_assert_cmpstr (nh_clinic_language_name (written_in), ==, "English");

  nh_clinic_set_instruction (clinic, "de", "  Rufen Sie zuerst uns an.  ");
  g_assert_cmpstr (nh_clinic_lookup_instruction (clinic, "de", &written_in), ==, "Rufen Sie zuerst uns an.");
  nh_clinic_set_instruction (clinic, "de", "   ");
  g_assert_cmpuint (nh_clinic_get_n_instructions (clinic), ==, 2);
}

static void
test_round_trip_through_store (void)
{
  g_autofree char *dir = nh_test_tmp_path ("clinic-store");
  g_autoptr(NhStore) store = nh_store_new (dir);
  g_autoptr(NhClinic) clinic = parse (ours, NULL);
  g_autoptr(NhClinic) empty = NULL;
  g_autoptr(NhClinic) loaded = NULL;
  g_autoptr(GError) error = NULL;

  /* Nothing saved yet: an empty clinic, not an error. */
  nh_store_remove (store, "clinic.json", NULL);
  empty = nh_clinic_load (store, &error);
  g_assert_no_error (error);
  g_assert_true (nh_clinic_is_empty (empty));

  nh_clinic_set_instruction (clinic, "ar", "اتصل بنا أولًا.");
  g_assert_true (nh_clinic_save (clinic, store, &error));
  g_assert_no_error (error);
  loaded = nh_clinic_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nh_clinic_get_n_instructions (loaded), ==, 3);
  g_assert_cmpstr (nh_clinic_get_instruction_language (loaded, 0), ==, "en");
  g_assert_cmpstr (nh_clinic_get_instruction_text (loaded, 2), ==, "اتصل بنا أولًا.");
}

static void
test_problems (void)
{
  static const struct {
    const char *text;
    const char *path;
    int         line;
  } cases[] = {
    { "{ \"format\": 2 }", "format", 1 },
    { "{\n \"format\": 1,\n \"name\": 5\n}", "name", 3 },
    { "{\n \"format\": 1,\n \"phone\": \"call me\"\n}", "phone", 3 },
    { "{\n \"format\": 1,\n \"instructions\": [\n  { \"language\": \"EN\", \"text\": \"x\" }\n ]\n}", "instructions[0].language", 4 },
    { "{\n \"format\": 1,\n \"instructions\": [\n  { \"language\": \"en\", \"text\": \" \" }\n ]\n}", "instructions[0].text", 4 },
    { "{\n \"format\": 1,\n \"instructions\": [\n  { \"language\": \"en\", \"text\": \"a\" },\n  { \"language\": \"en\", \"text\": \"b\" }\n ]\n}", "instructions[1].language", 5 },
    { "{ \"format\": 1,", "", 1 },
    { "", "", 0 },
    { "[]", "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, strlen (cases[i].text));
      g_autoptr(GPtrArray) problems = NULL;
      NhClinic *clinic = NULL;
      gboolean found = FALSE;

      g_test_message ("case %u", i);
      problems = nh_clinic_check_bytes (bytes, &clinic);
      g_assert_null (clinic);

      for (guint j = 0; j < problems->len; j++)
        {
          NhEditionProblem *problem = g_ptr_array_index (problems, j);

          if (problem->severity == NH_PROBLEM_ERROR && g_str_equal (problem->path, cases[i].path))
            {
              found = TRUE;
              if (cases[i].line > 0)
                g_assert_cmpint (problem->line, ==, cases[i].line);
            }
        }
      g_assert_true (found);
    }
}

static int
run (const char * const *args,
     char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (gpointer)binary);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static void
test_command_line (void)
{
  g_autofree char *template = nh_test_tmp_path ("template.nemo-clinic.json");
  g_autofree char *bad = nh_test_tmp_path ("bad.nemo-clinic.json");
  g_autofree char *arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(NhClinic) clinic = NULL;
  g_autoptr(GError) error = NULL;

  /* The template: German first, every language, and valid. */
  arg = g_strdup_printf ("--export-clinic-template=%s", template);
  g_assert_cmpint (run ((const char *[]) { arg, "--language=de", NULL }, NULL), ==, 0);
  g_assert_true (g_file_get_contents (template, &contents, NULL, NULL));
  clinic = parse (contents, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nh_clinic_get_instruction_language (clinic, 0), ==, "de");
  g_assert_cmpuint (nh_clinic_get_n_instructions (clinic), >=, 1);
  g_clear_pointer (&arg, g_free);

  arg = g_strdup_printf ("--validate-clinic=%s", template);
  g_assert_cmpint (run ((const char *[]) { arg, NULL }, &out), ==, 0);
  g_assert_nonnull (strstr (out, "valid"));
  g_clear_pointer (&arg, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_true (g_file_set_contents (bad, "{\n  \"format\": 1,\n  \"name\": 5\n}\n", -1, NULL));
  arg = g_strdup_printf ("--validate-clinic=%s", bad);
  g_assert_cmpint (run ((const char *[]) { arg, NULL }, &out), ==, 1);
  g_assert_true (g_str_has_prefix (out, bad));
  g_assert_nonnull (strstr (out, ":3:11: error: name: "));
  g_clear_pointer (&arg, g_free);
  g_clear_pointer (&out, g_free);

  arg = g_strdup_printf ("--validate-clinic=%s.missing", bad);
  g_assert_cmpint (run ((const char *[]) { arg, NULL }, NULL), ==, 2);

  g_unlink (template);
  g_unlink (bad);
}

/* A German checklist from a clinic that wrote English and French: the
 * English instruction, marked as English; the French one in French. */
static void
test_printed_language (void)
{
  g_autofree char *clinic = nh_test_tmp_path ("ours.nemo-clinic.json");
  g_autofree char *pdf = nh_test_tmp_path ("clinic-de.pdf");
  g_autofree char *clinic_arg = g_strdup_printf ("--clinic=%s", clinic);
  g_autofree char *output_arg = g_strdup_printf ("--output=%s", pdf);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *languages[][3] = {
    { "--language=de", "Von Ihrer Klinik, auf English", "Call our ward first" },
    { "--language=fr", "De votre centre de soins", "Appelez d'abord notre service." },
  };

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_assert_true (g_file_set_contents (clinic, ours, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *text = NULL;

      g_assert_cmpint (run ((const char *[]) { "--export=checklist", "--blank", "--sheet=a4", "--copies=8",
                                               languages[i][0], clinic_arg, output_arg, NULL }, NULL), ==, 0);
      g_assert_true (g_spawn_sync (NULL, (char **)text_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, languages[i][1]));
      g_assert_nonnull (strstr (text, languages[i][2]));
      g_assert_nonnull (strstr (text, "+49 30 1234 5678"));
      g_assert_nonnull (strstr (text, "Kinderklinik Example"));
      /* Written in French: not marked. */
      if (i == 1)
        g_assert_null (strstr (text, "De votre centre de soins, en"));
    }

  /* A broken clinic file is refused, and no PDF is half written. */
  g_unlink (pdf);
  g_assert_true (g_file_set_contents (clinic, "{ \"format\": 1, \"name\": 5 }", -1, NULL));
  g_assert_cmpint (run ((const char *[]) { "--export=checklist", "--blank", clinic_arg, output_arg, NULL }, NULL), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  /* --clinic is for checklists. */
  g_assert_cmpint (run ((const char *[]) { "--export=emergency-card", "--blank", clinic_arg, output_arg, NULL }, NULL), ==, 2);

  g_unlink (clinic);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  binary = g_getenv ("NH_BINARY");

  g_test_add_func ("/nh/clinic/languages", test_languages);
  g_test_add_func ("/nh/clinic/round-trip-through-store", test_round_trip_through_store);
  g_test_add_func ("/nh/clinic/problems", test_problems);
  if (binary != NULL)
    {
      g_test_add_func ("/nh/clinic/command-line", test_command_line);
      g_test_add_func ("/nh/clinic/printed-language", test_printed_language);
    }

  return g_test_run ();
}
