/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-cli.c: headless commands: PDF export, needing no display
 *
 * Runs from handle-local-options, before GTK is initialised, so a clinic can
 * print cards from a script on a machine with no screen.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"
#include "model/nh-store.h"
#include "nh-cli.h"
#include "render/nh-booklet-render.h"
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
  const char    *second_language;  /* emergency card only */
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
      /* Whose checklist it is: the card's identity lines on page one. */
      doc.card = card;
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
      if (g_strcmp0 (request->episode, "latest") == 0)
        doc.episode = nh_checklist_state_get_latest (state);
      else if (request->episode != NULL)
        doc.episode = nh_checklist_state_find_episode (state, request->episode);
      else
        doc.episode = nh_checklist_state_get_current (state);

      if (doc.episode == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("there is no episode “%s”; nemo-handbook --list-episodes shows them"),
                       request->episode);
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

  /* A bilingual card for travel: every label in both languages. */
  if (request->second_language != NULL)
    {
      g_autoptr(NhCatalog) catalog = nh_catalog_new (request->second_language);
      g_autoptr(NhEdition) second = nh_edition_new_builtin_translated (catalog, error);

      if (second == NULL)
        return FALSE;
      nh_card_render_set_second_edition (render, second);
    }

  return nh_card_render_export (render, request->output, error);
}

static gboolean
export_handbook (ExportRequest  *request,
                 GError        **error)
{
  g_autoptr(NhBooklet) booklet = nh_booklet_new (request->edition);

  return nh_booklet_export (booklet, request->paper, request->output, error);
}

static const struct {
  const char         *kind;
  ExportFunc          func;
  const char         *default_paper;
  const char * const  papers[5];
} exports[] = {
  { "checklist", export_checklist, "a4", { "a4", "letter", "a5", "a6", NULL } },
  { "emergency-card", export_card, "id1", { "id1", "a6", "a4", "letter", NULL } },
  { "handbook", export_handbook, "a4", { "a4", "letter", "a5", NULL } },
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
  g_autofree char *second_language = NULL;
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
      g_printerr (_("Unknown export “%s”: use checklist, emergency-card or handbook.\n"), kind);
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

  if (g_variant_dict_lookup (options, "second-language", "s", &second_language))
    {
      g_auto(GStrv) available = nh_catalog_list_languages ();

      if (!g_str_equal (kind, "emergency-card"))
        {
          g_printerr (_("--second-language is for --export=emergency-card\n"));
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

  if (!exports[which].func (&request, &error))
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
nh_cli_list_episodes (NhEdition *edition)
{
  g_autoptr(NhStore) store = nh_store_new_default ();
  g_autoptr(NhChecklistState) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  GListModel *archive;
  guint n_steps = 0;

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
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autofree char *error_count = NULL;
  g_autofree char *warning_count = NULL;
  guint errors = 0, warnings = 0;

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

  if (g_file_info_get_size (info) > NH_EDITION_MAX_BYTES)
    {
      g_print ("%s: error: %s\n", path, _("the document is too large (more than 4 MiB)"));
      g_print (_("%s: invalid (1 error)\n"), path);
      return 1;
    }

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    {
      g_printerr (_("%s: cannot be read: %s\n"), path, error->message);
      return 2;
    }

  problems = nh_edition_check_bytes (bytes, &edition);

  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);
      const char *severity = problem->severity == NH_PROBLEM_ERROR ? "error" : "warning";
      g_autoptr(GString) line = g_string_new (path);

      if (problem->line > 0)
        g_string_append_printf (line, ":%d:%d", problem->line, problem->column);
      g_string_append_printf (line, ": %s: ", severity);
      if (*problem->path)
        g_string_append_printf (line, "%s: ", problem->path);
      g_string_append (line, problem->message);
      g_print ("%s\n", line->str);

      if (problem->severity == NH_PROBLEM_ERROR)
        errors++;
      else
        warnings++;
    }

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
  json_object_set_object_member (root, "based_on", based_on);
  id = g_strdup_printf ("%s-local-%s", json_object_get_string_member (root, "id"), resolved);
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
