/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-cli.c: headless commands: PDF export, needing no display
 *
 * Runs from handle-local-options, before GTK is initialised, so a clinic can
 * print cards from a script on a machine with no screen.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-clinic.h"
#include "model/nh-edition.h"
#include "model/nh-backup.h"
#include "model/nh-edition-po.h"
#include "model/nh-family.h"
#include "model/nh-json-guard.h"
#include "model/nh-record-csv.h"
#include "model/nh-store.h"
#include "nh-cli.h"
#include "render/nh-lock-screen.h"
#include "render/nh-paper.h"
#include "render/nh-printout.h"
#include "render/nh-sheet.h"

typedef struct
{
  NhEdition     *edition;
  NhCatalog     *catalog;
  NhStore       *store;
  gboolean       blank;
  const char    *episode;
  const char    *second_language;  /* emergency card and lock screen only */
  NhClinic      *clinic;           /* checklist only */
  const char    *from;             /* visit report only: YYYY-MM-DD */
  const char    *to;
} ExportRequest;

typedef NhPrintout *(*ExportFunc) (ExportRequest  *request,
                                   GError        **error);

static NhPrintout *
export_checklist (ExportRequest  *request,
                  GError        **error)
{
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(NhCard) card = NULL;
  g_autofree char *backup = NULL;
  NhEpisode *episode = NULL;

  if (request->blank && request->episode != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--blank and --episode cannot be used together"));
      return NULL;
    }

  if (!(state = nh_checklist_state_load (request->store, &backup, error)))
    return NULL;

  if (backup != NULL)
    g_printerr (_("The saved checklist could not be read; it was kept as %s\n"), backup);

  if (!request->blank)
    {
      g_autoptr(GError) card_error = NULL;

      if (g_strcmp0 (request->episode, "latest") == 0)
        episode = nh_checklist_state_get_latest (state);
      else if (request->episode != NULL)
        episode = nh_checklist_state_find_episode (state, request->episode);
      else
        episode = nh_checklist_state_get_current (state);

      if (episode == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("there is no episode “%s”; nemo-handbook --list-episodes shows them"),
                       request->episode);
          return NULL;
        }

      /* A filled checklist lists the numbers on the family's card. */
      card = nh_card_new (request->store);
      if (!nh_card_load (card, &card_error))
        {
          if (!g_error_matches (card_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT))
            g_printerr ("%s\n", card_error->message);
          g_clear_object (&card);
        }
    }

  return nh_printout_new_checklist (request->edition, state, request->clinic, episode, card);
}

static NhPrintout *
export_card (ExportRequest  *request,
             GError        **error)
{
  g_autoptr(NhCard) card = nh_card_new (request->store);
  g_autoptr(NhEdition) second = NULL;
  g_autoptr(GError) load_error = NULL;

  /* A blank card carries no personal data: the saved card is not read. */
  if (!request->blank && !nh_card_load (card, &load_error))
    {
      if (!g_error_matches (load_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return NULL;
        }
      g_printerr ("%s\n", load_error->message);
    }

  nh_card_prefill (card, request->edition);

  if (!request->blank && nh_card_is_empty (card))
    g_printerr (_("The emergency card has nothing filled in yet. "
                  "Fill it in in the app, or use --blank for a card to fill in by hand.\n"));

  /* A bilingual card for travel: every label in both languages. */
  if (request->second_language != NULL)
    {
      g_autoptr(NhCatalog) catalog = nh_catalog_new (request->second_language);

      if (!(second = nh_edition_new_builtin_translated (catalog, error)))
        return NULL;
    }

  return nh_printout_new_card (card, request->edition, second, request->blank);
}

/* The saved card, ready to print; NULL after telling why not. */
static NhCard *
load_card (ExportRequest  *request,
           GError        **error)
{
  g_autoptr(NhCard) card = nh_card_new (request->store);
  g_autoptr(GError) load_error = NULL;

  if (!nh_card_load (card, &load_error))
    {
      if (!g_error_matches (load_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return NULL;
        }
      g_printerr ("%s\n", load_error->message);
    }
  nh_card_prefill (card, request->edition);

  if (nh_card_is_empty (card))
    g_printerr (_("The emergency card has nothing filled in yet. Fill it in in the app first.\n"));

  return g_steal_pointer (&card);
}

static NhPrintout *
export_letter (ExportRequest  *request,
               GError        **error)
{
  g_autoptr(NhCard) card = load_card (request, error);

  if (card == NULL)
    return NULL;

  return nh_printout_new_letter (card, request->edition);
}

/* An image for a phone, not a printout: --size instead of a paper. */
static int
export_lock_screen (ExportRequest *request,
                    int            width,
                    int            height,
                    const char    *output)
{
  g_autoptr(NhCard) card = NULL;
  g_autoptr(NhEdition) second = NULL;
  g_autoptr(GError) error = NULL;

  if (!(card = load_card (request, &error)))
    goto failed;

  if (request->second_language != NULL)
    {
      g_autoptr(NhCatalog) catalog = nh_catalog_new (request->second_language);

      if (!(second = nh_edition_new_builtin_translated (catalog, &error)))
        goto failed;
    }

  if (!nh_lock_screen_export (card, request->edition, second, width, height, output, &error))
    goto failed;

  return 0;

failed:
  g_printerr (_("Could not export %s: %s\n"), "lock-screen", error->message);
  return 1;
}

static NhPrintout *
export_handbook (ExportRequest  *request,
                 GError        **error)
{
  return nh_printout_new_booklet (request->edition);
}

/* The period a visit report covers: --from and --to, by default the
 * twelve months up to today. */
static gboolean
check_period (ExportRequest  *request,
              char          **from,
              char          **to,
              GError        **error)
{
  const NhRecordColumn date_column = { "date", NULL, NH_COLUMN_DATE, 10, TRUE, NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *message = NULL;

  if (*to == NULL)
    *to = g_date_time_format (now, "%Y-%m-%d");
  if (!nh_record_check_value (&date_column, *to, NULL, &message))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "--to: %s", message);
      return FALSE;
    }

  if (*from == NULL)
    {
      GDate date;
      char text[11];

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, atoi (*to + 8), atoi (*to + 5), atoi (*to));
      g_date_subtract_years (&date, 1);
      g_date_add_days (&date, 1);
      g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
      *from = g_strdup (text);
    }
  if (!nh_record_check_value (&date_column, *from, NULL, &message))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "--from: %s", message);
      return FALSE;
    }

  if (strcmp (*from, *to) > 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--from is after --to"));
      return FALSE;
    }

  request->from = *from;
  request->to = *to;
  return TRUE;
}

static NhPrintout *
export_visit_report (ExportRequest  *request,
                     GError        **error)
{
  g_autoptr(NhRecord) record = NULL;
  g_autoptr(NhCard) card = nh_card_new (request->store);
  g_autofree char *backup = NULL;

  if (!(record = nh_record_load (request->store, &backup, error)))
    return NULL;
  if (backup != NULL)
    g_printerr (_("The saved health record could not be read; it was kept as %s\n"), backup);

  /* A damaged card is set aside and told; the report goes on without it. */
  if (!nh_card_load (card, NULL) && nh_card_get_load_error (card) != NULL)
    g_printerr ("%s\n", nh_card_get_load_error (card)->message);
  nh_card_prefill (card, request->edition);

  return nh_printout_new_visit_report (record, card, request->edition, request->from, request->to);
}

/* The family's questions for the next visit, with the child's name from
 * the card. */
static NhPrintout *
export_questions (ExportRequest  *request,
                  GError        **error)
{
  /* The questions are the family's; the name is the child's. */
  g_autoptr(NhStore) family_store = nh_store_new_default ();
  g_autofree char *backup = NULL;
  g_autoptr(NhQuestions) questions = nh_questions_new (family_store, &backup);
  g_autoptr(NhCard) card = nh_card_new (request->store);
  g_autoptr(GError) card_error = NULL;
  const char *child_name = NULL;

  if (backup != NULL)
    g_printerr (_("The saved questions could not be read; they were kept as %s\n"), backup);

  if (nh_card_load (card, &card_error))
    child_name = nh_card_get_text (card, "child_name");
  else if (!g_error_matches (card_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT))
    g_printerr ("%s\n", card_error->message);

  if (nh_questions_get_n (questions) == 0)
    g_printerr (_("There are no questions yet: the page has only its heading. "
                  "Add questions in the app, on the Questions page.\n"));

  return nh_printout_new_questions (questions, request->edition, child_name);
}

static const struct {
  const char *kind;
  ExportFunc  func;
} exports[] = {
  { "checklist", export_checklist },
  { "emergency-card", export_card },
  { "handbook", export_handbook },
  /* For school, nursery or a babysitter. */
  { "letter", export_letter },
  /* For the next visit: the family's questions. */
  { "questions", export_questions },
  /* For the immunologist: --from and --to. */
  { "visit-report", export_visit_report },
  /* An image for a phone, not paper: --size=WxH instead (export_lock_screen). */
  { "lock-screen", NULL },
};

/**
 * nh_cli_dup_child_store:
 *
 * The store folder of the child --child names, or of the child the window
 * showed last. Prints why and returns NULL when there is no such child.
 */
NhStore *
nh_cli_dup_child_store (GVariantDict *options)
{
  g_autoptr(NhStore) store = nh_store_new_default ();
  g_autoptr(NhFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  NhChild *child;

  if (!(family = nh_family_load (store, &backup, &error)))
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  if (backup != NULL)
    g_printerr (_("The list of children could not be read; it was kept as %s\n"), backup);

  if (!g_variant_dict_lookup (options, "child", "s", &name))
    return g_object_ref (nh_child_get_store (nh_family_get_current (family)));

  if (!(child = nh_family_find_child (family, name)))
    {
      g_autofree char *names = nh_family_dup_names (family);

      g_printerr (_("There is no child “%s”. Children: %s\n"), name, names);
      return NULL;
    }

  return g_object_ref (nh_child_get_store (child));
}

static NhRecord *
load_record (GVariantDict  *options,
             GError       **error)
{
  g_autoptr(NhStore) store = nh_cli_dup_child_store (options);
  g_autofree char *backup = NULL;
  NhRecord *record;

  if (store == NULL)
    return NULL;

  if ((record = nh_record_load (store, &backup, error)) != NULL && backup != NULL)
    g_printerr (_("The saved health record could not be read; it was kept as %s\n"), backup);

  return record;
}

/* --export=infusions|illnesses|antibiotics|lab-results --output=FILE.csv */
static int
export_csv (GVariantDict  *options,
            NhRecordTable  table)
{
  g_autoptr(NhRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!g_variant_dict_lookup (options, "output", "^ay", &output) || *output == '\0')
    {
      g_printerr (_("Say where to write the table with --output=FILE.csv\n"));
      return 2;
    }

  if (!(record = load_record (options, &error)))
    {
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return 1;
    }

  data = nh_record_csv_export (record, table, &length);

  /* Health data: only the family reads it. */
  if (!g_file_set_contents_full (output, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_printerr (_("Could not write %s: %s\n"), output, error->message);
      return 1;
    }

  return 0;
}

/**
 * nh_cli_import:
 *
 * --import=infusions|illnesses|antibiotics|lab-results --input=FILE.csv:
 * adds the rows of a spreadsheet to the record, or, when any row has a
 * problem, prints each with its row and column and adds nothing.
 *
 * Returns: 0 when imported, 1 when the file has problems or saving
 *   failed, 2 for a wrong command line
 */
int
nh_cli_import (GVariantDict *options)
{
  g_autoptr(NhRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *input = NULL;
  NhRecordTable table;
  guint added, skipped;

  g_variant_dict_lookup (options, "import", "s", &kind);
  if (!nh_record_table_from_id (kind, &table))
    {
      g_printerr (_("Unknown import “%s”: use infusions, illnesses, antibiotics or lab-results.\n"), kind);
      return 2;
    }

  if (!g_variant_dict_lookup (options, "input", "^ay", &input) || *input == '\0')
    {
      g_printerr (_("Say which file to read with --input=FILE.csv\n"));
      return 2;
    }

  file = g_file_new_for_commandline_arg (input);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_printerr (_("%s: cannot be read: %s\n"), input, error != NULL ? error->message : _("not a file"));
      return 1;
    }
  if (g_file_info_get_size (info) > NH_RECORD_CSV_MAX_BYTES)
    {
      g_printerr ("%s: %s\n", input, _("the file is too large (more than 8 MiB)"));
      return 1;
    }
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    {
      g_printerr (_("%s: cannot be read: %s\n"), input, error->message);
      return 1;
    }

  if (!(record = load_record (options, &error)))
    {
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!nh_record_csv_import (record, table, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             &added, &skipped, problems, &error))
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s: %s\n", input, (char *)g_ptr_array_index (problems, i));
      if (error != NULL)
        g_printerr ("%s\n", error->message);
      else
        g_printerr (_("%s: nothing was imported; correct the rows above and try again\n"), input);
      return 1;
    }

  /* Translators: after --import; the second number counts rows already in the record */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u row imported (%u already there)\n",
                        "%u rows imported (%u already there)\n", added),
           added, skipped);

  return 0;
}

/**
 * nh_cli_backup:
 *
 * --backup=FILE: everything the family typed, for every child, in one file.
 */
int
nh_cli_backup (const char *path)
{
  g_autoptr(NhStore) store = nh_store_new_default ();
  g_autoptr(NhFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!(family = nh_family_load (store, NULL, &error)) ||
      !(data = nh_backup_dup_data (family, &length, &error)))
    {
      g_printerr (_("Could not make the backup: %s\n"), error->message);
      return 1;
    }

  /* Health data: only the family reads it. */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      g_printerr (_("Could not write %s: %s\n"), path, error->message);
      return 1;
    }

  return 0;
}

/**
 * nh_cli_restore:
 *
 * --restore=FILE: replaces every child's data with a backup's, once all of
 * it checked clean, and says where the data there was is kept.
 */
int
nh_cli_restore (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(NhStore) store = nh_store_new_default ();
  g_autoptr(NhFamily) family = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *previous = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > NH_BACKUP_MAX_BYTES ||
      !(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    {
      g_printerr (_("%s: cannot be read: %s\n"), path, error != NULL ? error->message : _("not a file, or too large"));
      return 1;
    }

  if (!(family = nh_family_load (store, NULL, &error)) ||
      !nh_backup_restore (family, bytes, &previous, &error))
    {
      g_printerr (_("%s: nothing was restored: %s\n"), path, error->message);
      return 1;
    }

  g_print (_("Restored. The data there was before is kept in %s\n"), previous);
  return 0;
}

/* @language: of the printout, or NULL for the system's */
int
nh_cli_export (GVariantDict *options,
               const char   *language)
{
  g_autofree char *resolved = nh_catalog_resolve_language (language);
  g_autoptr(NhCatalog) catalog = nh_catalog_new (resolved);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(NhStore) store = NULL;
  g_autoptr(NhPrintout) printout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_id = NULL;
  g_autofree char *sheet_id = NULL;
  g_autofree char *episode = NULL;
  g_autofree char *edition_path = NULL;
  g_autofree char *second_language = NULL;
  g_autofree char *clinic_path = NULL;
  g_autoptr(NhClinic) clinic = NULL;
  g_autofree char *size = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const NhPaper *paper = NULL;
  int width = NH_LOCK_SCREEN_WIDTH;
  int height = NH_LOCK_SCREEN_HEIGHT;
  ExportRequest request = { 0 };
  NhRecordTable table;
  gint32 copies = 0;
  guint which;

  g_variant_dict_lookup (options, "export", "s", &kind);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "paper", "s", &paper_id);
  g_variant_dict_lookup (options, "sheet", "s", &sheet_id);
  g_variant_dict_lookup (options, "episode", "s", &episode);

  if (nh_record_table_from_id (kind, &table))
    return export_csv (options, table);

  for (which = 0; which < G_N_ELEMENTS (exports); which++)
    if (g_strcmp0 (kind, exports[which].kind) == 0)
      break;

  if (which == G_N_ELEMENTS (exports))
    {
      g_printerr (_("Unknown export “%s”: use checklist, emergency-card, handbook, letter, lock-screen, visit-report, questions, infusions, illnesses, antibiotics or lab-results.\n"), kind);
      return 2;
    }

  if ((output == NULL || *output == '\0') && exports[which].func == NULL)
    {
      g_printerr (_("Say where to write the image with --output=FILE.png\n"));
      return 2;
    }

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the PDF with --output=FILE.pdf\n"));
      return 2;
    }

  if (g_variant_dict_lookup (options, "size", "s", &size))
    {
      if (exports[which].func != NULL)
        {
          g_printerr (_("--size is for --export=lock-screen; use --paper for printouts\n"));
          return 2;
        }
      if (!nh_lock_screen_parse_size (size, &width, &height))
        {
          g_printerr (_("Unknown image size “%s”: use WIDTHxHEIGHT in pixels, such as 1080x2340.\n"), size);
          return 2;
        }
    }

  if (exports[which].func == NULL && (paper_id != NULL || sheet_id != NULL))
    {
      g_printerr (_("--paper is for printouts; use --size=WIDTHxHEIGHT for the lock-screen image\n"));
      return 2;
    }

  if (sheet_id != NULL)
    {
      const char * const *sheets = nh_sheet_get_papers ();

      if (!g_str_equal (kind, "emergency-card") && !g_str_equal (kind, "checklist"))
        {
          g_printerr (_("--sheet is for --export=emergency-card or --export=checklist\n"));
          return 2;
        }
      if (!g_strv_contains (sheets, sheet_id))
        {
          g_autofree char *list = nh_paper_list_ids (sheets);

          g_printerr (_("Unknown sheet “%s”: use %s.\n"), sheet_id, list);
          return 2;
        }
      if (paper_id != NULL)
        {
          g_printerr (_("--sheet and --paper cannot be used together: a sheet is its own paper\n"));
          return 2;
        }
    }

  if (g_variant_dict_lookup (options, "copies", "i", &copies) && sheet_id == NULL)
    {
      g_printerr (_("--copies is for sheets: use it with --sheet=a4 or --sheet=letter\n"));
      return 2;
    }
  if (g_variant_dict_contains (options, "copies") && (copies < 1 || copies > 10000))
    {
      g_printerr (_("--copies takes a number from 1 to 10000\n"));
      return 2;
    }
  if (g_variant_dict_contains (options, "single-sided") && sheet_id == NULL)
    {
      g_printerr (_("--single-sided is for sheets: use it with --sheet=a4 or --sheet=letter\n"));
      return 2;
    }

  if (g_variant_dict_lookup (options, "edition", "^ay", &edition_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (edition_path);

      if (!(edition = nh_edition_new_from_file (file, &error)))
        {
          g_printerr (_("The edition %s cannot be used:\n%s\n"), edition_path, error->message);
          return 1;
        }
    }

  /* A group's edition prints in its own language, labels included. */
  if (edition != NULL)
    nh_catalog_set_interface (nh_edition_get_interface_catalog (edition));
  else if (!(edition = nh_edition_new_builtin_translated (catalog, &error)))
    {
      g_printerr (_("The handbook could not be loaded: %s\n"), error->message);
      return 1;
    }

  if (!(store = nh_cli_dup_child_store (options)))
    return 1;
  request.edition = edition;
  request.catalog = catalog;
  request.store = store;
  request.blank = g_variant_dict_contains (options, "blank");
  request.episode = episode;

  if (g_str_equal (kind, "visit-report"))
    {
      g_variant_dict_lookup (options, "from", "s", &from);
      g_variant_dict_lookup (options, "to", "s", &to);
      if (!check_period (&request, &from, &to, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
    }

  if (g_variant_dict_lookup (options, "second-language", "s", &second_language))
    {
      g_auto(GStrv) available = nh_catalog_list_languages ();

      if (!g_str_equal (kind, "emergency-card") && !g_str_equal (kind, "lock-screen"))
        {
          g_printerr (_("--second-language is for --export=emergency-card and --export=lock-screen\n"));
          return 2;
        }
      if (!g_strv_contains ((const char * const *)available, second_language))
        {
          g_autofree char *list = g_strjoinv (", ", available);

          g_printerr (_("The card cannot be printed in “%s”. Languages: %s\n"), second_language, list);
          return 2;
        }
      request.second_language = second_language;
    }

  if (g_variant_dict_lookup (options, "clinic", "^ay", &clinic_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (clinic_path);

      if (!g_str_equal (kind, "checklist"))
        {
          g_printerr (_("--clinic is for --export=checklist\n"));
          return 2;
        }
      if (!(clinic = nh_clinic_new_from_file (file, &error)))
        {
          g_printerr (_("The clinic file %s cannot be used:\n%s\n"), clinic_path, error->message);
          return 1;
        }
    }
  else if (g_str_equal (kind, "checklist"))
    {
      g_autoptr(GError) clinic_error = NULL;

      /* The clinic set in the app, if any. */
      if (!(clinic = nh_clinic_load (store, &clinic_error)))
        g_printerr (_("The clinic's settings could not be read: %s\n"), clinic_error->message);
    }
  request.clinic = clinic;

  if (exports[which].func == NULL)
    return export_lock_screen (&request, width, height, output);

  if (!(printout = exports[which].func (&request, &error)))
    {
      g_printerr (_("Could not export %s: %s\n"), kind, error->message);
      return 1;
    }

  /* The printout says which papers it takes. */
  if (paper_id != NULL &&
      (!nh_printout_accepts_paper (printout, paper_id) || !(paper = nh_paper_lookup (paper_id))))
    {
      g_autofree char *list = nh_paper_list_ids (nh_printout_get_papers (printout));

      g_printerr (_("Unknown paper size “%s” for %s: use %s.\n"), paper_id, kind, list);
      return 2;
    }

  if (sheet_id != NULL)
    {
      NhSheet *sheet = nh_sheet_new (printout, nh_paper_lookup (sheet_id), copies,
                                     g_variant_dict_contains (options, "single-sided"), &error);

      if (sheet == NULL)
        {
          g_printerr (_("Could not export %s: %s\n"), kind, error->message);
          return 2;
        }
      g_clear_object (&printout);
      printout = nh_printout_new_sheet (sheet);
    }

  if (!nh_printout_write_pdf (printout, paper, output, &error))
    {
      g_printerr (_("Could not export %s: %s\n"), kind, error->message);
      return 1;
    }

  return 0;
}

static char *
format_list_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
print_episode (NhEpisode *episode,
               guint      n_steps)
{
  GDateTime *ended = nh_episode_get_ended_at (episode);
  g_autofree char *started = format_list_time (nh_episode_get_started_at (episode));
  g_autofree char *end = ended ? format_list_time (ended) : g_strdup ("current");

  g_print ("%s\t%s\t%s\t%u/%u\t%u\n", nh_episode_get_id (episode), started, end,
           nh_episode_get_n_ticks (episode), n_steps, nh_episode_get_n_readings (episode));
}

/**
 * nh_cli_list_episodes:
 *
 * Prints one line per checklist episode, the current one first (unless
 * nothing is recorded in it), then the past ones newest first: id, start and end (local time, "current" for the
 * one going on), steps ticked of all steps, and the number of readings,
 * separated by tabs, for scripts and for --episode=ID.
 *
 * Returns: 0, or 1 when the saved checklist cannot be read
 */
int
nh_cli_list_episodes (GVariantDict *options,
                      NhEdition    *edition)
{
  /* The episodes of the child --child names, or of the one in view. */
  g_autoptr(NhStore) store = nh_cli_dup_child_store (options);
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  GListModel *archive;
  guint n_steps = 0;

  if (store == NULL)
    return 1;

  if (!(state = nh_checklist_state_load (store, &backup, &error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (backup != NULL)
    g_printerr (_("The saved checklist could not be read; it was kept as %s\n"), backup);

  for (guint t = 0; t < nh_edition_get_n_checklist_tiers (edition); t++)
    n_steps += nh_checklist_tier_get_n_steps (nh_edition_get_checklist_tier (edition, t));

  /* An empty current episode has nothing to print (and no saved id). */
  if (!nh_episode_is_empty (nh_checklist_state_get_current (state)))
    print_episode (nh_checklist_state_get_current (state), n_steps);

  archive = nh_checklist_state_get_archive (state);
  if (nh_episode_is_empty (nh_checklist_state_get_current (state)) &&
      g_list_model_get_n_items (archive) == 0)
    g_printerr (_("No episode recorded yet: tick a step of the checklist and it is listed here.\n"));

  for (guint i = 0; i < g_list_model_get_n_items (archive); i++)
    {
      g_autoptr(NhEpisode) episode = g_list_model_get_item (archive, i);

      print_episode (episode, n_steps);
    }

  return 0;
}

/* The title of each section, as written in the file; NULL when it does
 * not parse. */
static GStrv
dup_section_titles (GBytes *bytes)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonNode *sections;

  if (!(root = nh_json_guard_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NH_EDITION_MAX_BYTES, NH_EDITION_MAX_DEPTH, NULL, NULL)) ||
      !JSON_NODE_HOLDS_OBJECT (root) ||
      !(sections = json_object_get_member (json_node_get_object (root), "sections")) ||
      !JSON_NODE_HOLDS_ARRAY (sections))
    return NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      JsonNode *section = json_array_get_element (json_node_get_array (sections), i);
      JsonNode *title = JSON_NODE_HOLDS_OBJECT (section)
                        ? json_object_get_member (json_node_get_object (section), "title") : NULL;

      g_strv_builder_add (builder, title && JSON_NODE_HOLDS_VALUE (title) &&
                                   json_node_get_value_type (title) == G_TYPE_STRING
                                   ? json_node_get_string (title) : "");
    }

  return g_strv_builder_end (builder);
}

/* "sections[1].blocks[0]" is "section 2, Infections": counted from 1, as
 * people count, beside the path editors use. */
static char *
dup_section_name (const char * const *titles,
                  const char         *path)
{
  guint64 index;
  char *end;

  if (!g_str_has_prefix (path, "sections["))
    return NULL;

  index = g_ascii_strtoull (path + strlen ("sections["), &end, 10);
  if (*end != ']')
    return NULL;

  if (titles != NULL && index < g_strv_length ((GStrv)titles) && strspn (titles[index], " \t\n") < strlen (titles[index]))
    {
      /* A title too long to be one is shown by its start. */
      gboolean long_title = g_utf8_strlen (titles[index], -1) > 40;
      g_autofree char *start = long_title ? g_utf8_substring (titles[index], 0, 40) : NULL;
      g_autofree char *title = long_title ? g_strconcat (start, "…", NULL) : g_strdup (titles[index]);

      /* Translators: where a problem is: "section 2, Infections" */
      return g_strdup_printf (_("section %u, %s"), (guint)index + 1, title);
    }

  /* Translators: where a problem is: "section 2" */
  return g_strdup_printf (_("section %u"), (guint)index + 1);
}

static int
compare_problem_positions (gconstpointer a,
                           gconstpointer b)
{
  const NhEditionProblem *pa = *(NhEditionProblem * const *)a;
  const NhEditionProblem *pb = *(NhEditionProblem * const *)b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}

/* A group's translation of the built-in edition: blocks whose base text
 * changed since, and fact ids that differ from the source's. Then every
 * problem in the order of the file. */
static void
add_translation_problems (GPtrArray *problems,
                          GBytes    *bytes)
{
  g_autoptr(GBytes) base = g_resources_lookup_data (RESOURCE_BASE_PATH "/edition/en.json",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) more = NULL;

  if (base != NULL)
    {
      more = nh_edition_po_check_against_base (bytes, base);
      for (guint i = 0; i < more->len; i++)
        g_ptr_array_add (problems, g_steal_pointer (&more->pdata[i]));
      g_ptr_array_set_free_func (more, NULL);
    }

  /* g_ptr_array_sort is stable: problems on one line keep their order. */
  g_ptr_array_sort (problems, compare_problem_positions);
}

/* How far a group's translation has come, for the summary. */
static void
print_translation_summary (NhEdition *edition)
{
  guint translated = nh_edition_count_blocks_in_state (edition, "translated");
  guint needs_review = nh_edition_count_blocks_in_state (edition, "needs-review");
  guint reviewed = nh_edition_count_blocks_in_state (edition, "reviewed");
  guint untranslated = nh_edition_count_blocks_in_state (edition, "untranslated");

  if (translated + needs_review + reviewed + untranslated == 0)
    return;

  /* Translators: the blocks of a group's translation, by state */
  g_print (_("Blocks: %u reviewed, %u translated, %u need review, %u untranslated\n"),
           reviewed, translated, needs_review, untranslated);

  if (nh_edition_get_reviewed_by (edition) != NULL)
    /* Translators: the edition's reviewer stamp: "Reviewed by Dr Ana Costa on 2026-11-30" */
    g_print (_("Reviewed by %s on %s\n"), nh_edition_get_reviewed_by (edition),
             nh_edition_get_reviewed_on (edition) ? nh_edition_get_reviewed_on (edition) : "?");
  else
    g_print (_("No reviewer has signed this edition yet (reviewed_by, reviewed_on)\n"));
}

/* Reads the file to check, saying why not: returns 0, or the exit code. */
static int
load_file_to_check (const char  *path,
                    gsize        max_bytes,
                    GBytes     **bytes)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      g_printerr (_("%s: cannot be read: %s\n"), path, error->message);
      return 2;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_printerr (_("%s: cannot be read: not a file\n"), path);
      return 2;
    }

  if ((gsize)g_file_info_get_size (info) > max_bytes)
    return 1;

  if (!(*bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    {
      g_printerr (_("%s: cannot be read: %s\n"), path, error->message);
      return 2;
    }

  return 0;
}

/* Prints each problem as FILE:LINE:COLUMN: error|warning: path: message,
 * then the summary. Returns: 0 when there is no error, else 1 */
static int
report_problems (const char         *path,
                 GPtrArray          *problems,
                 const char * const *titles,
                 NhEdition          *edition)
{
  g_autofree char *error_count = NULL;
  g_autofree char *warning_count = NULL;
  guint errors = 0, warnings = 0;

  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);
      const char *severity = problem->severity == NH_PROBLEM_ERROR ? "error" : "warning";
      g_autoptr(GString) line = g_string_new (path);

      if (problem->line > 0)
        g_string_append_printf (line, ":%d:%d", problem->line, problem->column);
      g_string_append_printf (line, ": %s: ", severity);
      if (*problem->path)
        {
          g_autofree char *section = dup_section_name (titles, problem->path);

          g_string_append_printf (line, "%s: ", problem->path);
          if (section != NULL)
            g_string_append_printf (line, "(%s) ", section);
        }
      g_string_append (line, problem->message);
      g_print ("%s\n", line->str);

      if (problem->severity == NH_PROBLEM_ERROR)
        errors++;
      else
        warnings++;
    }

  if (edition != NULL)
    print_translation_summary (edition);

  error_count = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  warning_count = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

  /* The problem lines keep "error" and "warning" in English, as compilers
   * do, so editors and scripts can read them; the summary is for people. */
  if (errors > 0)
    /* Translators: the summary of --validate-edition: "FILE: invalid (2 errors, 1 warning)" */
    g_print (_("%s: invalid (%s, %s)\n"), path, error_count, warning_count);
  else
    /* Translators: "FILE: valid (1 warning)" */
    g_print (_("%s: valid (%s)\n"), path, warning_count);

  return errors > 0 ? 1 : 0;
}

/**
 * nh_cli_validate_edition:
 *
 * Prints every problem of an edition file, one per line, as
 * FILE:LINE:COLUMN: error|warning: JSON.path: message, then a summary.
 *
 * Returns: 0 when valid, 1 when invalid, 2 when the file cannot be read
 */
int
nh_cli_validate_edition (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_auto(GStrv) titles = NULL;
  gsize guard_offset = 0;
  int status;

  if ((status = load_file_to_check (path, NH_EDITION_MAX_BYTES, &bytes)) == 1)
    {
      g_print ("%s: error: %s\n", path, _("the document is too large (more than 4 MiB)"));
      g_print (_("%s: invalid (1 error)\n"), path);
      return 1;
    }
  else if (status != 0)
    return status;

  problems = nh_edition_check_bytes (bytes, &edition);

  /* Read again only what the guard lets through: deep nesting would
   * overflow json-glib's stack. */
  if (nh_json_guard_check (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           NH_EDITION_MAX_DEPTH, &guard_offset, NULL))
    {
      add_translation_problems (problems, bytes);
      titles = dup_section_titles (bytes);
    }

  return report_problems (path, problems, (const char * const *)titles, edition);
}

/**
 * nh_cli_validate_clinic:
 *
 * Checks a clinic file as nh_cli_validate_edition() checks an edition.
 *
 * Returns: 0 when valid, 1 when invalid, 2 when the file cannot be read
 */
int
nh_cli_validate_clinic (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status;

  if ((status = load_file_to_check (path, NH_CLINIC_MAX_BYTES, &bytes)) == 1)
    {
      g_print ("%s: error: %s\n", path, _("the file is too large for a clinic file (more than 64 KiB)"));
      g_print (_("%s: invalid (1 error)\n"), path);
      return 1;
    }
  else if (status != 0)
    return status;

  problems = nh_clinic_check_bytes (bytes, NULL);

  return report_problems (path, problems, NULL, NULL);
}

/**
 * nh_cli_export_clinic_template:
 *
 * Writes a clinic file to fill in: the clinic's name, its 24-hour number
 * and an example instruction in every language the app speaks, @language
 * first.
 */
int
nh_cli_export_clinic_template (const char *path,
                               const char *language)
{
  g_autofree char *resolved = nh_catalog_resolve_language (language);
  g_auto(GStrv) languages = nh_catalog_list_languages ();
  g_autoptr(NhClinic) clinic = nh_clinic_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NhCatalog) first = nh_catalog_new (resolved);

  /* Translators: the example name in the clinic template */
  nh_clinic_set_name (clinic, nh_catalog_gettext (first, N_("Your clinic's name")));
  nh_clinic_set_phone (clinic, "+00 000 000 000");

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *code = i == 0 ? resolved : languages[i];
      g_autoptr(NhCatalog) catalog = NULL;

      if (i > 0 && g_str_equal (languages[i], resolved))
        code = languages[0];
      catalog = nh_catalog_new (code);
      /* Translators: the example instruction in the clinic template, which the clinic rewrites */
      nh_clinic_set_instruction (clinic, code,
                                 nh_catalog_gettext (catalog, N_("Call us first, day or night, on our 24-hour number.")));
    }

  bytes = nh_clinic_to_bytes (clinic);
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    {
      g_printerr (_("Could not write %s: %s\n"), path, error->message);
      return 1;
    }

  return 0;
}

static gboolean
is_translatable_member (const char *name)
{
  static const char * const members[] = {
    "title", "source_credit", "text", "items", "diagnosis_default", NULL
  };

  return g_strv_contains (members, name);
}

/* Replaces each translatable text with its translation, in the contexts
 * build-aux/edition-pot gives them. */
static void
translate_node (JsonNode   *node,
                const char *context,
                NhCatalog  *catalog)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        translate_node (json_array_get_element (array, i), context, catalog);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l; l = l->next)
        {
          const char *name = l->data;
          JsonNode *member = json_object_get_member (object, name);

          if (is_translatable_member (name) && JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING)
            {
              /* Copied first: an untranslated text is the node's own string. */
              g_autofree char *text = g_strdup (nh_catalog_pgettext (catalog, context,
                                                                     json_node_get_string (member)));

              json_object_set_string_member (object, name, text);
            }
          else if (g_str_equal (name, "items") && JSON_NODE_HOLDS_ARRAY (member))
            {
              JsonArray *items = json_node_get_array (member);

              for (guint i = 0; i < json_array_get_length (items); i++)
                {
                  JsonNode *item = json_array_get_element (items, i);

                  if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
                    {
                      g_autofree char *text = g_strdup (nh_catalog_pgettext (catalog, context,
                                                                             json_node_get_string (item)));

                      json_node_set_string (item, text);
                    }
                  else
                    translate_node (item, context, catalog);
                }
            }
          else
            translate_node (member, context, catalog);
        }
    }
}

/**
 * nh_cli_export_edition_template:
 *
 * Writes the built-in edition, in @language, as the starting point of a
 * support group's own edition.
 */
int
nh_cli_export_edition_template (const char *path,
                                const char *language)
{
  g_autofree char *resolved = nh_catalog_resolve_language (language);
  g_autoptr(NhCatalog) catalog = nh_catalog_new (resolved);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *data = NULL;
  g_autofree char *title = NULL;
  g_autofree char *credit = NULL;
  JsonObject *root;
  JsonObject *based_on;
  JsonNode *sections;
  gsize length;

  bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/edition/en.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr (_("The handbook could not be loaded: %s\n"), error->message);
      return 1;
    }

  root = json_node_get_object (json_parser_get_root (parser));

  /* Metadata first, then each part in its own context. */
  translate_node (json_object_get_member (root, "checklist"), "checklist", catalog);
  translate_node (json_object_get_member (root, "card"), "card", catalog);
  sections = json_object_get_member (root, "sections");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      JsonNode *section = json_array_get_element (json_node_get_array (sections), i);
      g_autofree char *context = g_strdup_printf ("section:%s",
                                                  json_object_get_string_member (json_node_get_object (section), "id"));

      translate_node (section, context, catalog);
    }
  title = g_strdup (nh_catalog_pgettext (catalog, "edition", json_object_get_string_member (root, "title")));
  credit = g_strdup (nh_catalog_pgettext (catalog, "edition",
                                          json_object_get_string_member (root, "source_credit")));
  json_object_set_string_member (root, "title", title);
  json_object_set_string_member (root, "source_credit", credit);
  translate_node (json_object_get_member (root, "disclaimer"), "edition", catalog);

  /* It becomes the group's edition, which says what it adapts. */
  based_on = json_object_new ();
  json_object_set_string_member (based_on, "id", json_object_get_string_member (root, "id"));
  json_object_set_string_member (based_on, "version", json_object_get_string_member (root, "version"));
  json_object_set_string_member (based_on, "title", title);
  json_object_set_string_member (based_on, "language", resolved);
  json_object_set_object_member (root, "based_on", based_on);
  /* An id the group keeps, in its own name; the validator asks for it
   * to be changed only when it is the built-in one. */
  id = g_strdup_printf ("my-group-%s", resolved);
  json_object_set_string_member (root, "id", id);
  json_object_set_string_member (root, "language", resolved);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    {
      g_printerr (_("Could not write %s: %s\n"), path, error->message);
      return 1;
    }

  return 0;
}

/* The base of a translation: --edition=FILE, else the built-in edition. */
static GBytes *
load_translation_base (GVariantDict *options)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (g_variant_dict_lookup (options, "edition", "^ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(NhEdition) edition = NULL;

      if (!(edition = nh_edition_new_from_file (file, &error)))
        {
          g_printerr (_("The edition %s cannot be used:\n%s\n"), path, error->message);
          return NULL;
        }
      if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
        {
          g_printerr (_("%s: cannot be read: %s\n"), path, error->message);
          return NULL;
        }
      return bytes;
    }

  if (!(bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/edition/en.json",
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error)))
    g_printerr (_("The handbook could not be loaded: %s\n"), error->message);

  return bytes;
}

/**
 * nh_cli_export_translation_template:
 *
 * --export-translation-template=FILE.pot [--edition=BASE]: every string a
 * support group translates, for Poedit, Weblate or Lokalize.
 */
int
nh_cli_export_translation_template (GVariantDict *options)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "export-translation-template", "^ay", &path);

  if (!(base = load_translation_base (options)))
    return 1;

  if (!nh_edition_po_export_template (base, path, &error))
    {
      g_printerr (_("Could not write %s: %s\n"), path, error->message);
      return 1;
    }

  return 0;
}

static void
print_count (const char               *what,
             const NhTranslationCount *count)
{
  /* Translators: "Handbook text: 120 translated, 3 need review, 5 untranslated" */
  g_print (_("%s: %u translated, %u need review, %u untranslated\n"), what,
           count->translated, count->needs_review, count->untranslated);
}

/**
 * nh_cli_import_translation:
 *
 * --import-translation=LL.po [--edition=BASE] --output=FILE.nemo-edition.json:
 * makes or updates a support group's edition in language LL, and says how
 * far the handbook text and the interface are translated.
 */
int
nh_cli_import_translation (GVariantDict *options)
{
  g_autofree char *po_path = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GError) error = NULL;
  NhTranslationCount content, interface;

  g_variant_dict_lookup (options, "import-translation", "^ay", &po_path);
  g_variant_dict_lookup (options, "output", "^ay", &output);

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the edition with --output=FILE.nemo-edition.json\n"));
      return 2;
    }

  if (!g_file_test (po_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("%s: cannot be read: not a file\n"), po_path);
      return 2;
    }

  if (!(base = load_translation_base (options)))
    return 1;

  if (!nh_edition_po_import (po_path, base, output, &content, &interface, &error))
    {
      g_printerr (_("Could not make an edition from %s: %s\n"), po_path, error->message);
      return 1;
    }

  print_count (_("Handbook text"), &content);
  print_count (_("Interface"), &interface);
  /* Translators: "Wrote pt.nemo-edition.json; check it with --validate-edition" */
  g_print (_("Wrote %s; check it with --validate-edition=%s\n"), output, output);

  return 0;
}
