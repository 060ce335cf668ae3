/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-cli.c: headless commands: PDF export, needing no display
 *
 * Runs from handle-local-options, before GTK is initialised, so a clinic can
 * print cards from a script on a machine with no screen.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"
#include "model/nh-store.h"
#include "nh-cli.h"
#include "render/nh-card-render.h"
#include "render/nh-checklist-render.h"
#include "render/nh-paper.h"

typedef struct
{
  NhEdition     *edition;
  NhCatalog     *catalog;
  NhStore       *store;
  const NhPaper *paper;
  const char    *output;
  gboolean       blank;
  const char    *episode;
} ExportRequest;

typedef gboolean (*ExportFunc) (ExportRequest  *request,
                                GError        **error);

static gboolean
export_checklist (ExportRequest  *request,
                  GError        **error)
{
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(NhCard) card = NULL;
  g_auto(GStrv) contacts = NULL;
  g_autofree char *backup = NULL;
  NhChecklistDoc doc = { 0 };

  if (!(state = nh_checklist_state_load (request->store, &backup, error)))
    return FALSE;

  if (backup != NULL)
    g_printerr (_("The saved checklist could not be read; it was kept as %s\n"), backup);

  doc.edition = request->edition;
  doc.clinic_text = nh_checklist_state_get_clinic_text (state);

  /* A filled checklist lists the numbers on the family's card. */
  if (!request->blank)
    {
      g_autoptr(GError) card_error = NULL;

      card = nh_card_new (request->store);
      if (nh_card_load (card, &card_error))
        contacts = nh_card_dup_phone_contacts (card, request->edition);
      else if (!g_error_matches (card_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT))
        g_printerr ("%s\n", card_error->message);
      doc.contacts = (const char * const *)contacts;
    }

  doc.clinic_phone = nh_checklist_state_get_clinic_phone (state);

  if (request->blank && request->episode != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("--blank and --episode cannot be used together"));
      return FALSE;
    }

  if (!request->blank)
    {
      if (request->episode != NULL)
        doc.episode = nh_checklist_state_find_episode (state, request->episode);
      else
        doc.episode = nh_checklist_state_get_current (state);

      if (doc.episode == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("there is no episode “%s”"), request->episode);
          return FALSE;
        }
    }

  return nh_checklist_render_export (&doc, request->paper, request->output, error);
}

static gboolean
export_card (ExportRequest  *request,
             GError        **error)
{
  g_autoptr(NhCard) card = nh_card_new (request->store);
  g_autoptr(NhCardRender) render = NULL;
  g_autoptr(GError) load_error = NULL;

  /* A blank card carries no personal data: the saved card is not read. */
  if (!request->blank && !nh_card_load (card, &load_error))
    {
      if (!g_error_matches (load_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&load_error));
          return FALSE;
        }
      g_printerr ("%s\n", load_error->message);
    }

  nh_card_prefill (card, request->edition);

  if (!request->blank && nh_card_is_empty (card))
    g_printerr (_("The emergency card has nothing filled in yet. "
                  "Fill it in in the app, or use --blank for a card to fill in by hand.\n"));

  render = nh_card_render_new (card, request->edition, request->paper, request->blank);

  return nh_card_render_export (render, request->output, error);
}

static const struct {
  const char         *kind;
  ExportFunc          func;
  const char         *default_paper;
  const char * const  papers[5];
} exports[] = {
  { "checklist", export_checklist, "a4", { "a4", "letter", "a5", "a6", NULL } },
  { "emergency-card", export_card, "id1", { "id1", "a6", "a4", "letter", NULL } },
};

/* @language: of the printout, or NULL for the system's */
int
nh_cli_export (GVariantDict *options,
               const char   *language)
{
  g_autofree char *resolved = nh_catalog_resolve_language (language);
  g_autoptr(NhCatalog) catalog = nh_catalog_new (resolved);
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(NhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_id = NULL;
  g_autofree char *episode = NULL;
  g_autofree char *edition_path = NULL;
  ExportRequest request = { 0 };
  guint which;

  g_variant_dict_lookup (options, "export", "s", &kind);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "paper", "s", &paper_id);
  g_variant_dict_lookup (options, "episode", "s", &episode);

  for (which = 0; which < G_N_ELEMENTS (exports); which++)
    if (g_strcmp0 (kind, exports[which].kind) == 0)
      break;

  if (which == G_N_ELEMENTS (exports))
    {
      g_printerr (_("Unknown export “%s”: use checklist or emergency-card.\n"), kind);
      return 2;
    }

  if (output == NULL || *output == '\0')
    {
      g_printerr (_("Say where to write the PDF with --output=FILE.pdf\n"));
      return 2;
    }

  if (paper_id == NULL)
    paper_id = g_strdup (exports[which].default_paper);

  if (!g_strv_contains (exports[which].papers, paper_id) ||
      !(request.paper = nh_paper_lookup (paper_id)))
    {
      g_autofree char *list = nh_paper_list_ids (exports[which].papers);

      g_printerr (_("Unknown paper size “%s” for %s: use %s.\n"), paper_id, kind, list);
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
  else if (!(edition = nh_edition_new_builtin_translated (catalog, &error)))
    {
      g_printerr (_("The handbook could not be loaded: %s\n"), error->message);
      return 1;
    }

  store = nh_store_new_default ();
  request.edition = edition;
  request.catalog = catalog;
  request.store = store;
  request.output = output;
  request.blank = g_variant_dict_contains (options, "blank");
  request.episode = episode;

  if (!exports[which].func (&request, &error))
    {
      g_printerr (_("Could not export %s: %s\n"), kind, error->message);
      return 1;
    }

  return 0;
}
