/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fuzz-replay.c: every fuzz seed and past crash input, in a normal build
 *
 * build-aux/fuzz needs clang and takes minutes; this replays what it starts
 * from (tests/fuzz/corpus/<loader>/) and every input that once crashed a
 * loader (tests/fuzz/regressions/<loader>/) through the same checks, so a
 * crash that was fixed stays fixed in every ordinary `meson test`.
 */

#include "fuzz/nh-fuzz-targets.h"

typedef void (*FuzzTarget) (const guint8 *data,
                            gsize         size);

static const struct {
  const char *name;
  FuzzTarget  target;
} loaders[] = {
  { "edition", nh_fuzz_edition },
  { "checklist-state", nh_fuzz_checklist_state },
  { "card", nh_fuzz_card },
  { "record", nh_fuzz_record },
  { "family", nh_fuzz_family },
};

typedef struct
{
  FuzzTarget  target;
  char       *path;
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->path);
  g_free (input);
}

static void
test_replay (gconstpointer data)
{
  const Input *input = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (input->path, &contents, &length, &error));
  g_assert_no_error (error);

  input->target ((const guint8 *)contents, length);
}

static guint
add_inputs (const char *kind,
            guint       loader)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", kind,
                                                     loaders[loader].name, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/nh/fuzz-replay/%s/%s/%s",
                                                    loaders[loader].name, kind, file);
      Input *input = g_new0 (Input, 1);

      input->target = loaders[loader].target;
      input->path = g_build_filename (dir_path, file, NULL);
      g_test_add_data_func_full (test_path, input, test_replay, input_free);
    }

  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: nothing here uses the XDG folders (the
   * card's store is a folder from g_dir_make_tmp()), and GLib leaks the
   * old paths each time it sets them, which would hide a loader's leak
   * in a -Db_sanitize=address build. */
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (loaders); i++)
    {
      /* An empty seed corpus means the files were not found: fail loudly
       * rather than pass with nothing tested. */
      if (add_inputs ("corpus", i) == 0)
        g_error ("no seed inputs for %s in %s", loaders[i].name, g_test_get_dir (G_TEST_DIST));
      add_inputs ("regressions", i);
    }

  return g_test_run ();
}
