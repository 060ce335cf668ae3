/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-fuzz-targets.c: one input through each loader, for fuzzers and replay
 *
 * The libFuzzer harnesses (build-aux/fuzz) and the replay test
 * (test-fuzz-replay, an ordinary build) share these, so a crash input found
 * by a fuzzer fails the normal test suite the same way.
 *
 * Besides not crashing, each loader must keep its contract on any input:
 * exactly one of a result and an error, and whatever loads can be saved and
 * loaded again.
 */

#include "nh-fuzz-targets.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"
#include "model/nh-family.h"
#include "model/nh-record.h"
#include "nh-test-tmp.h"

static GLogWriterOutput
abort_on_warning (GLogLevelFlags   log_level,
                  const GLogField *fields,
                  gsize            n_fields,
                  gpointer         user_data)
{
  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  /* abort(), not GLib's breakpoint trap, so libFuzzer saves the input. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return G_LOG_WRITER_HANDLED;
}

/* A warning or critical from a loader is a bug too: a broken file must be
 * turned into a GError, never into a log message. (Under GTest, which
 * makes them fatal itself, this is not needed.) */
void
nh_fuzz_setup (void)
{
  g_log_set_writer_func (abort_on_warning, NULL, NULL);
}

static void
assert_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
assert_texts (const char * const *texts)
{
  g_assert_nonnull (texts);
  for (guint i = 0; texts[i] != NULL; i++)
    assert_text (texts[i]);
}

void
nh_fuzz_edition (const guint8 *data,
                 gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_from_bytes (bytes, &error);

  g_assert_true ((edition == NULL) != (error == NULL));

  if (edition != NULL)
    {
      guint n = nh_edition_get_n_sections (edition);

      /* Everything it holds goes to Pango and GTK labels as it is. */
      assert_text (nh_edition_get_title (edition));
      assert_text (nh_edition_get_disclaimer (edition));
      assert_text (nh_edition_get_checklist_title (edition));
      assert_texts (nh_edition_get_card_instructions (edition));

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          NhSection *section = nh_edition_get_section (edition, i);

          assert_text (nh_section_get_title (section));
          for (guint b = 0; b < nh_section_get_n_blocks (section); b++)
            {
              NhBlock *block = nh_section_get_block (section, b);

              if (nh_block_get_text (block) != NULL)
                assert_text (nh_block_get_text (block));
              if (nh_block_get_items (block) != NULL)
                assert_texts (nh_block_get_items (block));
            }
        }

      for (guint t = 0; t < nh_edition_get_n_checklist_tiers (edition); t++)
        {
          NhChecklistTier *tier = nh_edition_get_checklist_tier (edition, t);

          for (guint i = 0; i < nh_checklist_tier_get_n_items (tier); i++)
            assert_text (nh_checklist_tier_get_item_text (tier, i));
        }
    }
  else
    {
      g_assert_true (error->domain == NH_EDITION_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

void
nh_fuzz_checklist_state (const guint8 *data,
                         gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhChecklistState) state = nh_checklist_state_new_from_bytes (bytes, &error);
  g_autoptr(NhChecklistState) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length;

  g_assert_true ((state == NULL) != (error == NULL));

  if (state == NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  assert_text (nh_checklist_state_get_clinic_text (state));
  assert_text (nh_checklist_state_get_clinic_phone (state));
  assert_text (nh_episode_get_id (nh_checklist_state_get_current (state)));
  assert_text (nh_episode_get_notes (nh_checklist_state_get_current (state)));

  /* What the app loads, it saves on the next change: that file must load
   * again, to the same thing. */
  text = nh_checklist_state_to_data (state, &length);
  saved = g_bytes_new (text, length);
  again = nh_checklist_state_new_from_bytes (saved, &error);
  g_assert_no_error (error);
  text_again = nh_checklist_state_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
}

static void
check_card (NhStore *store)
{
  g_autoptr(NhCard) card = nh_card_new (store);
  g_autoptr(NhCard) again = NULL;
  g_autoptr(GError) error = NULL;
  gboolean loaded = nh_card_load (card, &error);
  guint n_fields;
  const NhCardField *fields = nh_card_get_fields (&n_fields);

  g_assert_true (loaded == (error == NULL));

  if (!loaded)
    {
      /* Set aside, and the card starts empty. */
      g_assert_error (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (nh_card_get_backup_path (card));
      g_assert_true (nh_card_is_empty (card));
      return;
    }

  for (guint i = 0; i < n_fields; i++)
    assert_text (nh_card_get_text (card, fields[i].id));
  assert_text (nh_card_get_paper (card));

  /* Saved again, it loads again. */
  g_assert_true (nh_card_save (card, &error));
  g_assert_no_error (error);
  again = nh_card_new (store);
  g_assert_true (nh_card_load (again, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_fields; i++)
    g_assert_cmpstr (nh_card_get_text (card, fields[i].id), ==, nh_card_get_text (again, fields[i].id));
}

/* The card has no loader that takes bytes: each input goes through a
 * store folder of its own, as card.json, and nh_card_load(). */
void
nh_fuzz_card (const guint8 *data,
              gsize         size)
{
  g_autofree char *directory = g_dir_make_tmp ("nh-fuzz-card-XXXXXX", NULL);
  g_autoptr(NhStore) store = NULL;

  g_assert_nonnull (directory);
  store = nh_store_new (directory);
  g_assert_true (nh_store_save (store, NH_CARD_FILE_NAME, (const char *)data, size, NULL));
  check_card (store);
  g_assert_true (nh_test_remove_tree (directory));
}

void
nh_fuzz_record (const guint8 *data,
                gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhRecord) record = nh_record_new_from_bytes (bytes, &error);
  g_autoptr(NhRecord) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length;

  g_assert_true ((record == NULL) != (error == NULL));

  if (record == NULL)
    {
      g_assert_true (error->domain == NH_RECORD_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  /* Every value is shown in labels and written to CSV and PDF as it is. */
  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    {
      guint n_columns;

      nh_record_get_columns (t, &n_columns);
      for (guint i = 0; i < nh_record_get_n_entries (record, t); i++)
        {
          const NhRecordEntry *entry = nh_record_get_entry (record, t, i);

          assert_text (entry->id);
          for (guint c = 0; c < n_columns; c++)
            assert_text (entry->values[c]);
        }
    }
  g_free (nh_record_dup_next_due (record));

  /* What loads, saves, and loads again to the same. */
  text = nh_record_to_data (record, &length);
  saved = g_bytes_new (text, length);
  again = nh_record_new_from_bytes (saved, &error);
  g_assert_no_error (error);
  text_again = nh_record_to_data (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
}

/* The family file names folders: whatever it says, every child's folder
 * stays inside the store folder. */
void
nh_fuzz_family (const guint8 *data,
                gsize         size)
{
  g_autofree char *directory = g_dir_make_tmp ("nh-fuzz-family-XXXXXX", NULL);
  g_autoptr(NhStore) store = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NhFamily) family = NULL;

  g_assert_nonnull (directory);
  store = nh_store_new (directory);
  family = nh_family_new_from_bytes (store, bytes, &error);
  g_assert_true ((family == NULL) != (error == NULL));

  if (family != NULL)
    {
      g_autoptr(NhFamily) again = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_again = NULL;
      gsize length;

      g_assert_cmpuint (nh_family_get_n_children (family), >=, 1);
      g_assert_cmpuint (nh_family_get_n_children (family), <=, NH_FAMILY_MAX_CHILDREN);
      for (guint i = 0; i < nh_family_get_n_children (family); i++)
        {
          NhChild *child = nh_family_get_child (family, i);
          const char *folder = nh_store_get_directory (nh_child_get_store (child));

          assert_text (nh_child_get_name (child));
          g_assert_true (g_str_has_prefix (folder, directory));
          g_assert_null (strstr (folder + strlen (directory), ".."));
        }

      text = nh_family_to_data (family, &length);
      saved = g_bytes_new (text, length);
      again = nh_family_new_from_bytes (store, saved, &error);
      g_assert_no_error (error);
      text_again = nh_family_to_data (again, NULL);
      g_assert_cmpstr (text, ==, text_again);
    }
  else
    g_assert_true (g_utf8_validate (error->message, -1, NULL));

  g_assert_true (nh_test_remove_tree (directory));
}
