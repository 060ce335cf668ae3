/* SPDX-License-Identifier: GPL-3.0-or-later */
/* write-large-seeds.c: generated seeds for the fuzz corpora
 *
 *   write-large-seeds CORPUS-DIR EN-JSON MAX-BYTES
 *
 * Writes, into CORPUS-DIR/{edition,card,checklist-state}/, documents of
 * MAX-BYTES at most (the fuzzer's -max_len), pretty and on one line, valid
 * and with a problem in every value, and the odd shapes of nh-test-large.c.
 * build-aux/fuzz runs it on its copy of the corpora: these are never
 * committed.
 */

#include <stdlib.h>

#include "nh-test-large.h"

static const char * const flag_names[] = { "valid-pretty", "valid-one-line", "bad-pretty", "bad-one-line" };

static void
write_seed (const char *dir,
            const char *kind,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *file = g_strdup_printf ("generated-%s.json", name);
  g_autofree char *path = g_build_filename (dir, kind, file, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) seed = NULL;
  gsize length;
  gsize max_bytes;

  if (argc != 4)
    {
      g_printerr ("usage: %s CORPUS-DIR EN-JSON MAX-BYTES\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[2], &contents, &length, NULL))
    g_error ("cannot read %s", argv[2]);
  seed = g_bytes_new_take (g_steal_pointer (&contents), length);
  max_bytes = strtoul (argv[3], NULL, 10);

  for (guint flags = 0; flags < 4; flags++)
    {
      g_autoptr(GBytes) edition = nh_test_large_edition (seed, max_bytes, flags);
      g_autoptr(GBytes) card = nh_test_large_card (max_bytes, flags);
      g_autoptr(GBytes) state = nh_test_large_checklist_state (max_bytes, flags);

      write_seed (argv[1], "edition", flag_names[flags], edition);
      write_seed (argv[1], "card", flag_names[flags], card);
      write_seed (argv[1], "checklist-state", flag_names[flags], state);
    }

  for (guint i = 0; nh_test_large_shapes[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = nh_test_large_shape (nh_test_large_shapes[i], max_bytes);

      write_seed (argv[1], "edition", nh_test_large_shapes[i], bytes);
      write_seed (argv[1], "checklist-state", nh_test_large_shapes[i], bytes);
      write_seed (argv[1], "card", nh_test_large_shapes[i], bytes);
    }

  return 0;
}
