/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition-po.c: an edition's translation in gettext's formats (.pot, .po)
 *
 * A support group translates with the tools it already has (Poedit,
 * Weblate, Lokalize). The template holds every string it needs: the base
 * edition's text, each in the context build-aux/edition-pot gives it
 * ("section:diagnosis", "checklist", "card", "edition") with its JSON path,
 * its fact ids and a fingerprint of its source as extracted comments, and
 * every interface and printout string of the app (compiled in from
 * build-aux/interface-pot). The group's .po becomes an edition file: the
 * base edition with the text translated, each block with its translation
 * state, and the interface strings in "interface". gettext's own library
 * (libgettextpo) reads and writes the files.
 */

#include "config.h"

#include <gettext-po.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <setjmp.h>
#include <string.h>

#include "nh-edition.h"
#include "nh-edition-po.h"
#include "nh-json-guard.h"
#include "nh-json-positions.h"

#define INTERFACE_POT RESOURCE_BASE_PATH "/interface.pot"

/* Members whose text a translator changes, as in build-aux/edition-pot. */
static const char * const translatable[] = {
  "title", "source_credit", "text", "items", "diagnosis_default", NULL
};

/* A group's own fields: never part of what is translated. */
static const char * const group_members[] = {
  "publisher", "reviewed_by", "reviewed_on", "based_on", "contacts", "interface", NULL
};

/* libgettextpo reports problems through a handler that must not return on
 * a fatal error. */
typedef struct
{
  jmp_buf  jump;
  GString *messages;
} PoErrors;

static PoErrors *current_errors;

static void
po_xerror (int           severity,
           po_message_t  message,
           const char   *filename,
           size_t        lineno,
           size_t        column,
           int           multiline_p,
           const char   *message_text)
{
  if (current_errors != NULL && severity != PO_SEVERITY_WARNING)
    {
      if (current_errors->messages->len > 0)
        g_string_append_c (current_errors->messages, '\n');
      if (filename != NULL && lineno != (size_t)-1)
        g_string_append_printf (current_errors->messages, "%s:%zu: ", filename, lineno);
      g_string_append (current_errors->messages, message_text);
      g_strchomp (current_errors->messages->str);
      current_errors->messages->len = strlen (current_errors->messages->str);
    }

  if (severity == PO_SEVERITY_FATAL_ERROR && current_errors != NULL)
    longjmp (current_errors->jump, 1);
}

static void
po_xerror2 (int           severity,
            po_message_t  message1,
            const char   *filename1,
            size_t        lineno1,
            size_t        column1,
            int           multiline_p1,
            const char   *message_text1,
            po_message_t  message2,
            const char   *filename2,
            size_t        lineno2,
            size_t        column2,
            int           multiline_p2,
            const char   *message_text2)
{
  po_xerror (severity == PO_SEVERITY_FATAL_ERROR ? PO_SEVERITY_ERROR : severity,
             message1, filename1, lineno1, column1, multiline_p1, message_text1);
  po_xerror (severity, message2, filename2, lineno2, column2, multiline_p2, message_text2);
}

static const struct po_xerror_handler handler = { po_xerror, po_xerror2 };

/* Reads @path with libgettextpo; NULL with @error set when it cannot. */
static po_file_t
read_po (const char  *path,
         GError     **error)
{
  PoErrors errors = { 0 };
  po_file_t file = NULL;

  errors.messages = g_string_new (NULL);
  current_errors = &errors;

  if (setjmp (errors.jump) == 0)
    file = po_file_read (path, &handler);

  current_errors = NULL;

  if (file == NULL || errors.messages->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   errors.messages->len > 0 ? errors.messages->str : path);
      if (file != NULL)
        po_file_free (file);
      file = NULL;
    }

  g_string_free (errors.messages, TRUE);

  return file;
}

static gboolean
write_po (po_file_t    file,
          const char  *path,
          GError     **error)
{
  PoErrors errors = { 0 };
  po_file_t written = NULL;
  gboolean ok;

  errors.messages = g_string_new (NULL);
  current_errors = &errors;

  if (setjmp (errors.jump) == 0)
    written = po_file_write (file, path, &handler);

  current_errors = NULL;
  ok = written != NULL && errors.messages->len == 0;

  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                 errors.messages->len > 0 ? errors.messages->str : path);

  g_string_free (errors.messages, TRUE);

  return ok;
}

/**
 * nh_edition_po_fingerprint:
 * @source: the source text of a block, its strings joined by newlines
 *
 * Returns: (transfer full): 12 hex digits that change whenever @source does
 */
char *
nh_edition_po_fingerprint (const char *source)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source, -1);

  return g_strndup (sum, 12);
}

static char *
lookup_key (const char *context,
            const char *msgid)
{
  return context && *context ? g_strconcat (context, "\004", msgid, NULL) : g_strdup (msgid);
}

/* ------------------------------------------------------------------ */
/* The base edition's text, as build-aux/edition-pot walks it          */

typedef void (*StringFunc) (JsonNode   *string,
                            const char *context,
                            const char *path,
                            const char *facts,
                            gpointer    user_data);

static void walk (JsonNode   *node,
                  const char *path,
                  const char *context,
                  const char *facts,
                  StringFunc  func,
                  gpointer    user_data);

static char *
join_facts (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "facts");
  g_autoptr(GString) facts = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  facts = g_string_new (NULL);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *fact = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (fact) && json_node_get_value_type (fact) == G_TYPE_STRING)
        g_string_append_printf (facts, "%s%s", facts->len ? ", " : "", json_node_get_string (fact));
    }

  return g_string_free (g_steal_pointer (&facts), FALSE);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static void
walk_object (JsonObject *object,
             const char *path,
             const char *context,
             const char *facts,
             StringFunc  func,
             gpointer    user_data)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autofree char *own_facts = join_facts (object);

  if (own_facts != NULL)
    facts = own_facts;

  for (const GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);
      g_autofree char *child = *path ? g_strdup_printf ("%s.%s", path, name) : g_strdup (name);

      if (g_str_equal (name, "translation") || g_str_equal (name, "search_words"))
        continue;

      if (g_strv_contains (translatable, name))
        {
          if (is_string (value))
            {
              func (value, context, child, facts, user_data);
              continue;
            }
          if (g_str_equal (name, "items") && JSON_NODE_HOLDS_ARRAY (value))
            {
              JsonArray *items = json_node_get_array (value);

              for (guint i = 0; i < json_array_get_length (items); i++)
                {
                  JsonNode *item = json_array_get_element (items, i);
                  g_autofree char *item_path = g_strdup_printf ("%s[%u]", child, i);

                  if (is_string (item))
                    func (item, context, item_path, facts, user_data);
                  else
                    walk (item, item_path, context, facts, func, user_data);
                }
              continue;
            }
        }

      walk (value, child, context, facts, func, user_data);
    }
}

static void
walk (JsonNode   *node,
      const char *path,
      const char *context,
      const char *facts,
      StringFunc  func,
      gpointer    user_data)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    walk_object (json_node_get_object (node), path, context, facts, func, user_data);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
          g_autofree char *section_context = NULL;

          if (g_str_equal (path, "sections") && JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *section = json_node_get_object (element);
              const char *id = json_object_has_member (section, "id") &&
                               is_string (json_object_get_member (section, "id"))
                               ? json_object_get_string_member (section, "id") : NULL;

              section_context = id ? g_strdup_printf ("section:%s", id) : g_strdup_printf ("section:%u", i);
            }

          walk (element, child, section_context ? section_context : context, facts, func, user_data);
        }
    }
}

/* Every translatable string of @root, in build-aux/edition-pot's order. */
static void
walk_document (JsonNode   *root,
               StringFunc  func,
               gpointer    user_data)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (object, name);

      if (g_strv_contains (group_members, name))
        continue;

      if (g_str_equal (name, "sections"))
        walk (value, "sections", "edition", NULL, func, user_data);
      else if (g_str_equal (name, "checklist") || g_str_equal (name, "card"))
        walk (value, name, name, NULL, func, user_data);
      else if (g_strv_contains (translatable, name) && is_string (value))
        func (value, "edition", name, NULL, user_data);
      else if (JSON_NODE_HOLDS_OBJECT (value))
        walk (value, name, "edition", NULL, func, user_data);
    }
}

/* The edition @base, through the one guarded loader (an edition's size
 * and depth limits). json_parser_new_immutable() makes nodes that cannot
 * be changed, so when @writable the checked document is parsed once more
 * into nodes that can. */
static JsonNode *
parse_base (GBytes    *base,
            gboolean   writable,
            GError   **error)
{
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  const char *data = g_bytes_get_data (base, &length);

  if (!(root = nh_json_guard_parse (data, length, NH_EDITION_MAX_BYTES, NH_EDITION_MAX_DEPTH, NULL, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "the base edition is not a JSON object");
      return NULL;
    }

  if (writable)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      /* The guard has let it through, so json-glib may read it. */
      if (!json_parser_load_from_data (parser, data, length, error))
        return NULL;
      g_clear_pointer (&root, json_node_unref);
      root = json_node_ref (json_parser_get_root (parser));
    }

  return g_steal_pointer (&root);
}

/* The source text of a block: its text, or its items, one a line. */
static char *
dup_block_source (JsonObject *block)
{
  JsonNode *items;

  if (json_object_has_member (block, "text") && is_string (json_object_get_member (block, "text")))
    return g_strdup (json_object_get_string_member (block, "text"));

  if ((items = json_object_get_member (block, "items")) && JSON_NODE_HOLDS_ARRAY (items))
    {
      JsonArray *array = json_node_get_array (items);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (is_string (item))
            g_string_append_printf (text, "%s%s", i ? "\n" : "", json_node_get_string (item));
        }

      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* The interface strings compiled into the app                         */

typedef struct
{
  char     *context;
  char     *msgid;
  char     *msgid_plural;
  char     *comments;
  gboolean  c_format;
} InterfaceString;

static void
interface_string_free (InterfaceString *string)
{
  g_free (string->context);
  g_free (string->msgid);
  g_free (string->msgid_plural);
  g_free (string->comments);
  g_free (string);
}

static GPtrArray *
read_interface_strings (void)
{
  static GPtrArray *strings;

  if (g_once_init_enter (&strings))
    {
      GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)interface_string_free);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (INTERFACE_POT, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autofree char *tmp_path = NULL;
      int fd;

      if (bytes != NULL && (fd = g_file_open_tmp ("nemo-handbook-XXXXXX.pot", &tmp_path, NULL)) >= 0)
        {
          po_file_t file = NULL;

          close (fd);
          if (g_file_set_contents (tmp_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
            file = read_po (tmp_path, NULL);
          g_unlink (tmp_path);

          if (file != NULL)
            {
              po_message_iterator_t iterator = po_message_iterator (file, NULL);
              po_message_t message;

              while ((message = po_next_message (iterator)))
                {
                  InterfaceString *string;

                  if (po_message_is_obsolete (message) || *po_message_msgid (message) == '\0')
                    continue;

                  string = g_new0 (InterfaceString, 1);
                  string->context = g_strdup (po_message_msgctxt (message));
                  string->msgid = g_strdup (po_message_msgid (message));
                  string->msgid_plural = g_strdup (po_message_msgid_plural (message));
                  string->comments = g_strdup (po_message_extracted_comments (message));
                  string->c_format = po_message_is_format (message, "c-format");
                  g_ptr_array_add (result, string);
                }

              po_message_iterator_free (iterator);
              po_file_free (file);
            }
        }

      g_once_init_leave (&strings, result);
    }

  return strings;
}

/**
 * nh_edition_po_get_n_interface_strings:
 *
 * Returns: how many interface and printout strings the app has
 */
guint
nh_edition_po_get_n_interface_strings (void)
{
  return read_interface_strings ()->len;
}

/* ------------------------------------------------------------------ */
/* The template                                                        */

typedef struct
{
  char      *context;
  char      *msgid;
  GString   *comments;
} TemplateEntry;

static void
template_entry_free (TemplateEntry *entry)
{
  g_free (entry->context);
  g_free (entry->msgid);
  g_string_free (entry->comments, TRUE);
  g_free (entry);
}

typedef struct
{
  GPtrArray  *entries;   /* of TemplateEntry, in order */
  GHashTable *by_key;    /* lookup key -> TemplateEntry */
  GHashTable *fingerprints; /* block path -> fingerprint */
} Template;

/* "sections[2].blocks[3].items[1]" -> "sections[2].blocks[3]" */
static char *
dup_block_path (const char *path)
{
  const char *blocks = strstr (path, ".blocks[");
  const char *end;

  if (!g_str_has_prefix (path, "sections[") || blocks == NULL || !(end = strchr (blocks, ']')))
    return NULL;

  return g_strndup (path, end + 1 - path);
}

static void
add_template_string (JsonNode   *string,
                     const char *context,
                     const char *path,
                     const char *facts,
                     gpointer    user_data)
{
  Template *template = user_data;
  const char *text = json_node_get_string (string);
  g_autofree char *key = NULL;
  g_autofree char *block = dup_block_path (path);
  TemplateEntry *entry;
  const char *fingerprint;

  /* An empty text is not offered. */
  if (text == NULL || strspn (text, " \t\n") == strlen (text))
    return;

  key = lookup_key (context, text);
  if (!(entry = g_hash_table_lookup (template->by_key, key)))
    {
      entry = g_new0 (TemplateEntry, 1);
      entry->context = g_strdup (context);
      entry->msgid = g_strdup (text);
      entry->comments = g_string_new (NULL);
      g_ptr_array_add (template->entries, entry);
      g_hash_table_insert (template->by_key, g_steal_pointer (&key), entry);
    }

  /* One line each: where it sits, what it rests on, what it was. */
  g_string_append_printf (entry->comments, "%s\n", path);
  if (facts != NULL && *facts)
    g_string_append_printf (entry->comments, "facts: %s\n", facts);
  if (block != NULL && (fingerprint = g_hash_table_lookup (template->fingerprints, block)))
    g_string_append_printf (entry->comments, "source: %s\n", fingerprint);
}

static void
collect_fingerprints (JsonObject *root,
                      GHashTable *fingerprints)
{
  JsonNode *sections = json_object_get_member (root, "sections");

  if (sections == NULL || !JSON_NODE_HOLDS_ARRAY (sections))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      JsonNode *section = json_array_get_element (json_node_get_array (sections), i);
      JsonNode *blocks;

      if (!JSON_NODE_HOLDS_OBJECT (section) ||
          !(blocks = json_object_get_member (json_node_get_object (section), "blocks")) ||
          !JSON_NODE_HOLDS_ARRAY (blocks))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (blocks)); j++)
        {
          JsonNode *block = json_array_get_element (json_node_get_array (blocks), j);
          g_autofree char *source = NULL;

          if (JSON_NODE_HOLDS_OBJECT (block) && (source = dup_block_source (json_node_get_object (block))))
            g_hash_table_insert (fingerprints,
                                 g_strdup_printf ("sections[%u].blocks[%u]", i, j),
                                 nh_edition_po_fingerprint (source));
        }
    }
}

static po_message_t
new_message (const char *context,
             const char *msgid,
             const char *comments)
{
  po_message_t message = po_message_create ();

  if (context != NULL)
    po_message_set_msgctxt (message, context);
  po_message_set_msgid (message, msgid);
  po_message_set_msgstr (message, "");
  if (comments != NULL && *comments)
    po_message_set_extracted_comments (message, comments);

  return message;
}

/**
 * nh_edition_po_export_template:
 * @base: the base edition's JSON
 * @output: where to write the .pot file
 *
 * Returns: whether the template was written
 */
gboolean
nh_edition_po_export_template (GBytes      *base,
                               const char  *output,
                               GError     **error)
{
  g_autoptr(JsonNode) base_node = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) fingerprints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)template_entry_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d %H:%M+0000");
  g_autofree char *header = NULL;
  GPtrArray *interface = read_interface_strings ();
  Template template = { entries, by_key, fingerprints };
  po_message_iterator_t iterator;
  po_file_t file;
  JsonObject *root;
  gboolean ok;

  g_return_val_if_fail (base != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (!(base_node = parse_base (base, FALSE, error)))
    return FALSE;

  root = json_node_get_object (base_node);
  collect_fingerprints (root, fingerprints);
  walk_document (base_node, add_template_string, &template);

  file = po_file_create ();
  iterator = po_message_iterator (file, NULL);

  header = g_strdup_printf ("Project-Id-Version: %s %s\n"
                            "POT-Creation-Date: %s\n"
                            "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
                            "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
                            "Language-Team: LANGUAGE <LL@li.org>\n"
                            "Language: \n"
                            "MIME-Version: 1.0\n"
                            "Content-Type: text/plain; charset=UTF-8\n"
                            "Content-Transfer-Encoding: 8bit\n"
                            "Plural-Forms: nplurals=2; plural=(n != 1);\n",
                            json_object_has_member (root, "id") && is_string (json_object_get_member (root, "id"))
                            ? json_object_get_string_member (root, "id") : "edition",
                            json_object_has_member (root, "version") && is_string (json_object_get_member (root, "version"))
                            ? json_object_get_string_member (root, "version") : "",
                            date);
  {
    po_message_t message = new_message (NULL, "", NULL);

    po_message_set_msgstr (message, header);
    po_message_set_comments (message,
                             "Translation of a NEMO Handbook edition: the handbook text first, then\n"
                             "every label of the app and its printouts. Make it an edition with\n"
                             "nemo-handbook --import-translation=LL.po --output=FILE.nemo-edition.json\n");
    po_message_set_fuzzy (message, 1);
    po_message_insert (iterator, message);
  }

  for (guint i = 0; i < entries->len; i++)
    {
      TemplateEntry *entry = g_ptr_array_index (entries, i);

      po_message_insert (iterator, new_message (entry->context, entry->msgid, entry->comments->str));
    }

  for (guint i = 0; i < interface->len; i++)
    {
      InterfaceString *string = g_ptr_array_index (interface, i);
      g_autofree char *key = lookup_key (string->context, string->msgid);
      g_autofree char *comments = NULL;
      po_message_t message;

      /* The handbook text comes first; the same text in the same context
       * is one entry. */
      if (g_hash_table_contains (by_key, key))
        continue;

      comments = g_strdup_printf ("interface%s%s", string->comments ? "\n" : "",
                                  string->comments ? string->comments : "");
      message = new_message (string->context, string->msgid, comments);
      if (string->msgid_plural != NULL)
        {
          po_message_set_msgid_plural (message, string->msgid_plural);
          po_message_set_msgstr_plural (message, 0, "");
          po_message_set_msgstr_plural (message, 1, "");
        }
      if (string->c_format)
        po_message_set_format (message, "c-format", 1);
      po_message_insert (iterator, message);
    }

  po_message_iterator_free (iterator);
  ok = write_po (file, output, error);
  po_file_free (file);

  return ok;
}

/* ------------------------------------------------------------------ */
/* Importing a translation                                             */

typedef struct
{
  char      *msgstr;    /* NULL or "" when untranslated */
  GStrv      plurals;   /* the plural forms, or NULL */
  gboolean   fuzzy;
  char      *reviewer;  /* from a "reviewed: NAME, YYYY-MM-DD" comment */
  char      *reviewed_on;
} Translation;

static void
translation_free (Translation *translation)
{
  g_free (translation->msgstr);
  g_strfreev (translation->plurals);
  g_free (translation->reviewer);
  g_free (translation->reviewed_on);
  g_free (translation);
}

static gboolean
translation_is_done (const Translation *translation)
{
  return translation != NULL && translation->msgstr != NULL && *translation->msgstr != '\0';
}

/* A translator comment "reviewed: Maria Silva, 2026-11-30" (Poedit's
 * "comment" field) marks an entry as checked. */
static void
read_review_comment (Translation *translation,
                     const char  *comments)
{
  g_auto(GStrv) lines = NULL;

  if (comments == NULL)
    return;

  lines = g_strsplit (comments, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *comma;

      if (g_ascii_strncasecmp (line, "reviewed:", 9) != 0)
        continue;

      line = g_strstrip (line + 9);
      if ((comma = strrchr (line, ',')))
        {
          *comma = '\0';
          translation->reviewed_on = g_strdup (g_strstrip (comma + 1));
        }
      translation->reviewer = g_strdup (g_strstrip (line));
    }
}

/* "Grupo NEMO Portugal <info@example.org>" -> "Grupo NEMO Portugal"; NULL
 * for gettext's placeholders. */
static char *
dup_header_name (const char *header,
                 const char *field)
{
  char *value = header ? po_header_field (header, field) : NULL;
  g_autofree char *name = NULL;

  if (value == NULL)
    return NULL;

  name = g_strndup (value, strcspn (value, "<"));
  free (value);
  g_strstrip (name);

  if (*name == '\0' || g_str_equal (name, "LANGUAGE") || g_str_equal (name, "FULL NAME"))
    return NULL;

  return g_steal_pointer (&name);
}

static GHashTable *
read_translations (po_file_t   file,
                   char      **language,
                   char      **team)
{
  GHashTable *translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify)translation_free);
  po_message_iterator_t iterator = po_message_iterator (file, NULL);
  const char *header = po_file_domain_header (file, NULL);
  po_message_t message;

  if (header != NULL && language != NULL)
    {
      char *field = po_header_field (header, "Language");

      if (field != NULL && *g_strstrip (field))
        *language = g_strdup (field);
      free (field);
    }

  /* Poedit asks for the team: the group that publishes the edition. */
  if (team != NULL && !(*team = dup_header_name (header, "Language-Team")))
    *team = dup_header_name (header, "Last-Translator");

  while ((message = po_next_message (iterator)))
    {
      Translation *translation;

      if (po_message_is_obsolete (message) || *po_message_msgid (message) == '\0')
        continue;

      translation = g_new0 (Translation, 1);
      translation->fuzzy = po_message_is_fuzzy (message);
      if (po_message_msgid_plural (message) != NULL)
        {
          g_autoptr(GStrvBuilder) forms = g_strv_builder_new ();
          gboolean complete = TRUE;
          const char *form;

          for (int i = 0; (form = po_message_msgstr_plural (message, i)); i++)
            {
              complete = complete && *form != '\0';
              g_strv_builder_add (forms, form);
            }
          translation->plurals = g_strv_builder_end (forms);
          if (complete && translation->plurals[0] != NULL)
            translation->msgstr = g_strdup (translation->plurals[0]);
        }
      else
        translation->msgstr = g_strdup (po_message_msgstr (message));

      read_review_comment (translation, po_message_comments (message));
      g_hash_table_insert (translations,
                           lookup_key (po_message_msgctxt (message), po_message_msgid (message)),
                           translation);
    }

  po_message_iterator_free (iterator);

  return translations;
}

static void
count (NhTranslationCount *counts,
       Translation        *translation)
{
  if (!translation_is_done (translation))
    counts->untranslated++;
  else if (translation->fuzzy)
    counts->needs_review++;
  else
    counts->translated++;
}

typedef struct
{
  GHashTable         *translations;
  NhTranslationCount *counts;
  GHashTable         *seen;   /* content keys counted */
} Importer;

static void
translate_string (JsonNode   *string,
                  const char *context,
                  const char *path,
                  const char *facts,
                  gpointer    user_data)
{
  Importer *importer = user_data;
  const char *text = json_node_get_string (string);
  g_autofree char *key = NULL;
  Translation *translation;

  if (text == NULL || strspn (text, " \t\n") == strlen (text))
    return;

  key = lookup_key (context, text);
  translation = g_hash_table_lookup (importer->translations, key);

  /* Counted once per entry of the template, as Poedit counts. */
  if (!g_hash_table_contains (importer->seen, key))
    {
      count (importer->counts, translation);
      g_hash_table_add (importer->seen, g_steal_pointer (&key));
    }

  /* A fuzzy translation is shown, marked as needing review; an
   * untranslated text stays in the base language. */
  if (translation_is_done (translation))
    json_node_set_string (string, translation->msgstr);
}

/* A block of the previous output, to keep a reviewer's stamp. */
static JsonObject *
find_previous_block (JsonObject *previous,
                     const char *section_id,
                     guint       index)
{
  JsonNode *sections;

  if (previous == NULL || !(sections = json_object_get_member (previous, "sections")) ||
      !JSON_NODE_HOLDS_ARRAY (sections))
    return NULL;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (sections)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (sections), i);
      JsonObject *section;
      JsonNode *blocks;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      section = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (section, "id", NULL), section_id) != 0)
        continue;
      if (!(blocks = json_object_get_member (section, "blocks")) || !JSON_NODE_HOLDS_ARRAY (blocks) ||
          index >= json_array_get_length (json_node_get_array (blocks)))
        return NULL;
      node = json_array_get_element (json_node_get_array (blocks), index);

      return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return NULL;
}

/* Each block says how far its translation has come. */
static void
mark_blocks (JsonObject *base,        /* untouched */
             JsonObject *translated,  /* the same, translated */
             JsonObject *previous,    /* the last output, or NULL */
             GHashTable *translations)
{
  JsonArray *base_sections = json_object_get_array_member (base, "sections");
  JsonArray *sections = json_object_get_array_member (translated, "sections");

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *base_section = json_array_get_object_element (base_sections, i);
      JsonObject *section = json_array_get_object_element (sections, i);
      const char *section_id = json_object_get_string_member_with_default (base_section, "id", NULL);
      JsonArray *base_blocks, *blocks;

      if (!json_object_has_member (section, "blocks"))
        continue;
      base_blocks = json_object_get_array_member (base_section, "blocks");
      blocks = json_object_get_array_member (section, "blocks");

      for (guint j = 0; j < json_array_get_length (blocks); j++)
        {
          JsonObject *base_block = json_array_get_object_element (base_blocks, j);
          JsonObject *block = json_array_get_object_element (blocks, j);
          JsonObject *state = json_object_new ();
          g_autofree char *source = dup_block_source (base_block);
          g_autofree char *fingerprint = NULL;
          g_auto(GStrv) strings = NULL;
          guint done = 0, fuzzy = 0, reviewed = 0, n;
          const char *reviewer = NULL, *reviewed_on = NULL;
          const char *context = NULL;
          g_autofree char *section_context = NULL;
          JsonObject *previous_block;

          if (source == NULL)
            {
              json_object_unref (state);
              continue;
            }

          section_context = g_strdup_printf ("section:%s", section_id ? section_id : "");
          context = section_context;
          strings = g_strsplit (source, "\n", -1);
          if (json_object_has_member (base_block, "text"))
            {
              g_strfreev (strings);
              strings = g_new0 (char *, 2);
              strings[0] = g_strdup (source);
            }
          n = g_strv_length (strings);

          for (guint k = 0; strings[k]; k++)
            {
              g_autofree char *key = lookup_key (context, strings[k]);
              Translation *translation = g_hash_table_lookup (translations, key);

              if (!translation_is_done (translation))
                continue;
              done++;
              if (translation->fuzzy)
                fuzzy++;
              else if (translation->reviewer != NULL)
                {
                  reviewed++;
                  reviewer = translation->reviewer;
                  if (g_strcmp0 (translation->reviewed_on, reviewed_on) > 0)
                    reviewed_on = translation->reviewed_on;
                }
            }

          fingerprint = nh_edition_po_fingerprint (source);
          previous_block = find_previous_block (previous, section_id, j);

          if (done < n)
            json_object_set_string_member (state, "state", "untranslated");
          else if (fuzzy > 0)
            json_object_set_string_member (state, "state", "needs-review");
          else if (reviewed == n)
            {
              json_object_set_string_member (state, "state", "reviewed");
              json_object_set_string_member (state, "reviewed_by", reviewer);
              if (reviewed_on != NULL)
                json_object_set_string_member (state, "reviewed_on", reviewed_on);
            }
          else if (previous_block != NULL && json_object_has_member (previous_block, "translation"))
            {
              /* A block the reviewer marked in the edition file stays
               * reviewed while neither its source nor its text changed. */
              JsonObject *old = json_object_get_object_member (previous_block, "translation");
              g_autofree char *old_text = dup_block_source (previous_block);
              g_autofree char *new_text = dup_block_source (block);

              if (old != NULL &&
                  g_strcmp0 (json_object_get_string_member_with_default (old, "state", NULL), "reviewed") == 0 &&
                  g_strcmp0 (json_object_get_string_member_with_default (old, "fingerprint", NULL), fingerprint) == 0 &&
                  g_strcmp0 (old_text, new_text) == 0)
                {
                  json_object_set_string_member (state, "state", "reviewed");
                  if (json_object_has_member (old, "reviewed_by"))
                    json_object_set_string_member (state, "reviewed_by",
                                                   json_object_get_string_member (old, "reviewed_by"));
                  if (json_object_has_member (old, "reviewed_on"))
                    json_object_set_string_member (state, "reviewed_on",
                                                   json_object_get_string_member (old, "reviewed_on"));
                }
              else
                json_object_set_string_member (state, "state", "translated");
            }
          else
            json_object_set_string_member (state, "state", "translated");

          json_object_set_string_member (state, "source", source);
          json_object_set_string_member (state, "fingerprint", fingerprint);
          json_object_set_object_member (block, "translation", state);
        }
    }
}

static JsonArray *
import_interface (GHashTable         *translations,
                  GHashTable         *content_keys,
                  NhTranslationCount *counts)
{
  GPtrArray *interface = read_interface_strings ();
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < interface->len; i++)
    {
      InterfaceString *string = g_ptr_array_index (interface, i);
      g_autofree char *key = lookup_key (string->context, string->msgid);
      Translation *translation = g_hash_table_lookup (translations, key);
      JsonObject *entry;

      /* The same text in the same context is the handbook's entry. */
      if (g_hash_table_contains (content_keys, key))
        continue;

      count (counts, translation);

      /* As msgfmt does: a fuzzy entry is not used. */
      if (!translation_is_done (translation) || translation->fuzzy)
        continue;

      entry = json_object_new ();
      if (string->context != NULL)
        json_object_set_string_member (entry, "msgctxt", string->context);
      json_object_set_string_member (entry, "msgid", string->msgid);
      if (translation->plurals != NULL)
        {
          JsonArray *forms = json_array_new ();

          for (guint k = 0; translation->plurals[k]; k++)
            json_array_add_string_element (forms, translation->plurals[k]);
          json_object_set_string_member (entry, "msgid_plural", string->msgid_plural);
          json_object_set_array_member (entry, "msgstr_plural", forms);
        }
      else
        json_object_set_string_member (entry, "msgstr", translation->msgstr);
      json_array_add_object_element (array, entry);
    }

  return array;
}

static JsonObject *
read_previous (const char *output)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length;

  /* Only what the guard lets through: a hostile file must not crash us. */
  if (!g_file_test (output, G_FILE_TEST_IS_REGULAR) ||
      !g_file_get_contents (output, &data, &length, NULL) ||
      !(root = nh_json_guard_parse (data, length, NH_EDITION_MAX_BYTES, NH_EDITION_MAX_DEPTH, NULL, NULL)) ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

static char *
language_from_path (const char *po_path)
{
  g_autofree char *name = g_path_get_basename (po_path);
  char *dot = strrchr (name, '.');

  if (dot != NULL)
    *dot = '\0';

  return g_steal_pointer (&name);
}

/**
 * nh_edition_po_import:
 * @po_path: the group's LL.po
 * @base: the base edition's JSON
 * @output: the edition file to write; when it exists, its group fields
 *   (publisher, contacts, stamp, id, version) and reviewed blocks are kept
 * @content: (out): how far the handbook text is translated
 * @interface: (out): how far the interface is translated
 *
 * Returns: whether @output was written
 */
gboolean
nh_edition_po_import (const char          *po_path,
                      GBytes              *base,
                      const char          *output,
                      NhTranslationCount  *content,
                      NhTranslationCount  *interface,
                      GError             **error)
{
  static const char * const kept[] = {
    "id", "version", "last_reviewed", "publisher", "reviewed_by", "reviewed_on", "contacts", NULL
  };
  g_autoptr(JsonNode) base_node = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GHashTable) translations = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonObject) previous = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  g_autofree char *language = NULL;
  g_autofree char *team = NULL;
  g_autofree char *data = NULL;
  JsonObject *base_root, *root, *based_on;
  Importer importer;
  po_file_t file;
  gsize length;

  g_return_val_if_fail (po_path != NULL && base != NULL && output != NULL, FALSE);

  *content = (NhTranslationCount) { 0 };
  *interface = (NhTranslationCount) { 0 };

  if (!(base_node = parse_base (base, FALSE, error)) || !(node = parse_base (base, TRUE, error)))
    return FALSE;

  if (!(file = read_po (po_path, error)))
    return FALSE;
  translations = read_translations (file, &language, &team);
  po_file_free (file);

  if (language == NULL)
    language = language_from_path (po_path);

  /* Poedit writes "pt_BR"; editions write "pt-BR". */
  g_strdelimit (language, "_", '-');
  if (!g_regex_match_simple ("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", language, 0, 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "\u201c%s\u201d is not a language code: set the language of the translation "
                   "(in Poedit under Translation \u203a Properties), or name the file LL.po, such as pt.po",
                   language);
      return FALSE;
    }

  base_root = json_node_get_object (base_node);
  root = json_node_get_object (node);

  /* A group's edition can be the base of another: only its text counts. */
  for (guint i = 0; group_members[i]; i++)
    json_object_remove_member (root, group_members[i]);

  importer.translations = translations;
  importer.counts = content;
  importer.seen = seen;
  walk_document (node, translate_string, &importer);

  previous = read_previous (output);
  if (json_object_has_member (root, "sections") && json_object_has_member (base_root, "sections"))
    mark_blocks (base_root, root, previous, translations);

  json_object_set_array_member (root, "interface", import_interface (translations, seen, interface));

  based_on = json_object_new ();
  json_object_set_string_member (based_on, "id", json_object_get_string_member_with_default (base_root, "id", ""));
  json_object_set_string_member (based_on, "version",
                                 json_object_get_string_member_with_default (base_root, "version", ""));
  json_object_set_string_member (based_on, "title",
                                 json_object_get_string_member_with_default (base_root, "title", ""));
  json_object_set_string_member (based_on, "language",
                                 json_object_get_string_member_with_default (base_root, "language", "en"));
  json_object_set_object_member (root, "based_on", based_on);

  json_object_set_string_member (root, "language", language);
  {
    g_autofree char *id = g_strdup_printf ("my-group-%s", language);

    json_object_set_string_member (root, "id", id);
  }

  if (team != NULL)
    {
      JsonObject *publisher = json_object_new ();

      json_object_set_string_member (publisher, "name", team);
      json_object_set_object_member (root, "publisher", publisher);
    }

  /* Updating an edition keeps what the group filled in by hand. */
  for (guint i = 0; previous != NULL && kept[i]; i++)
    if (json_object_has_member (previous, kept[i]))
      json_object_set_member (root, kept[i], json_node_copy (json_object_get_member (previous, kept[i])));

  root_node = json_node_init_object (json_node_alloc (), root);
  generator = json_generator_new ();
  json_generator_set_root (generator, root_node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  return g_file_set_contents_full (output, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* ------------------------------------------------------------------ */
/* A translation against its base                                      */

static void
add_base_problem (GPtrArray         *problems,
                  NhProblemSeverity  severity,
                  const char        *path,
                  const char        *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
add_base_problem (GPtrArray         *problems,
                  NhProblemSeverity  severity,
                  const char        *path,
                  const char        *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, nh_edition_problem_new_valist (severity, path, format, args));
  va_end (args);
}

/* At most @max words of @words from @start to @end, quoted. */
static char *
quote_words (char  **words,
             guint   start,
             guint   end,
             guint   max)
{
  g_autoptr(GString) text = g_string_new ("\u201c");

  for (guint i = start; i < end && i < start + max; i++)
    g_string_append_printf (text, "%s%s", i > start ? " " : "", words[i]);
  if (end > start + max)
    g_string_append (text, " \u2026");
  g_string_append (text, "\u201d");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "“911” is now “112”": the words where two texts differ. */
static char *
describe_change (const char *before,
                 const char *after)
{
  g_auto(GStrv) old_words = g_strsplit_set (before, " \n", -1);
  g_auto(GStrv) new_words = g_strsplit_set (after, " \n", -1);
  guint n_old = g_strv_length (old_words), n_new = g_strv_length (new_words);
  guint prefix = 0, suffix = 0;
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;

  while (prefix < n_old && prefix < n_new && g_str_equal (old_words[prefix], new_words[prefix]))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         g_str_equal (old_words[n_old - 1 - suffix], new_words[n_new - 1 - suffix]))
    suffix++;

  was = quote_words (old_words, prefix, n_old - suffix, 8);
  now = quote_words (new_words, prefix, n_new - suffix, 8);

  if (n_old - suffix == prefix)
    return g_strdup_printf ("%s was added", now);
  if (n_new - suffix == prefix)
    return g_strdup_printf ("%s was taken out", was);

  return g_strdup_printf ("%s is now %s", was, now);
}

static JsonObject *
find_section (JsonObject *root,
              const char *id,
              guint      *position)
{
  JsonArray *sections;

  if (!json_object_has_member (root, "sections") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "sections")))
    return NULL;

  sections = json_object_get_array_member (root, "sections");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *node = json_array_get_element (sections, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return json_node_get_object (node);
        }
    }

  return NULL;
}

static JsonObject *
get_block (JsonObject *section,
           guint       index)
{
  JsonNode *blocks = json_object_get_member (section, "blocks");
  JsonNode *block;

  if (blocks == NULL || !JSON_NODE_HOLDS_ARRAY (blocks) ||
      index >= json_array_get_length (json_node_get_array (blocks)))
    return NULL;

  block = json_array_get_element (json_node_get_array (blocks), index);

  return JSON_NODE_HOLDS_OBJECT (block) ? json_node_get_object (block) : NULL;
}

/**
 * nh_edition_po_check_against_base:
 * @edition: a group's translation (already checked on its own)
 * @base: the edition it was translated from
 *
 * Finds blocks whose source text changed in @base since they were
 * translated (warnings, saying what changed), and blocks whose fact ids
 * differ from their source's (errors).
 *
 * Returns: (transfer full): an array of NhEditionProblem, with positions
 */
GPtrArray *
nh_edition_po_check_against_base (GBytes *edition,
                                  GBytes *base)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify)nh_edition_problem_free);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) base_node = NULL;
  g_autoptr(NhJsonPositions) positions = NULL;
  JsonObject *root, *base_root;
  JsonArray *sections;

  if (!(node = parse_base (edition, FALSE, NULL)) || !(base_node = parse_base (base, FALSE, NULL)))
    return problems;

  root = json_node_get_object (node);
  base_root = json_node_get_object (base_node);

  /* Only a translation of this base. */
  if (!json_object_has_member (root, "based_on") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "based_on")) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_object_get_object_member (root, "based_on"),
                                                            "id", NULL),
                 json_object_get_string_member_with_default (base_root, "id", "")) != 0)
    return problems;

  if (!json_object_has_member (root, "sections") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "sections")))
    return problems;

  sections = json_object_get_array_member (root, "sections");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonNode *section_node = json_array_get_element (sections, i);
      JsonObject *section, *base_section;
      const char *id;
      JsonNode *blocks;

      if (!JSON_NODE_HOLDS_OBJECT (section_node))
        continue;
      section = json_node_get_object (section_node);
      id = json_object_get_string_member_with_default (section, "id", NULL);
      if (!(base_section = find_section (base_root, id, NULL)) ||
          !(blocks = json_object_get_member (section, "blocks")) || !JSON_NODE_HOLDS_ARRAY (blocks))
        continue;

      for (guint j = 0; j < json_array_get_length (json_node_get_array (blocks)); j++)
        {
          JsonObject *block = get_block (section, j);
          JsonObject *base_block = get_block (base_section, j);
          JsonObject *translation;
          g_autofree char *path = g_strdup_printf ("sections[%u].blocks[%u]", i, j);
          g_autofree char *base_source = NULL;
          g_autofree char *fingerprint = NULL;
          g_autofree char *facts = NULL;
          g_autofree char *base_facts = NULL;
          const char *old_fingerprint, *old_source;

          if (block == NULL || !json_object_has_member (block, "translation") ||
              !JSON_NODE_HOLDS_OBJECT (json_object_get_member (block, "translation")))
            continue;
          translation = json_object_get_object_member (block, "translation");

          if (base_block == NULL || !(base_source = dup_block_source (base_block)))
            {
              add_base_problem (problems, NH_PROBLEM_WARNING, path,
                                "outdated: the base edition no longer has this block");
              continue;
            }

          /* The same facts as the source: a translation says no more and
           * no less than what it translates. */
          facts = join_facts (block);
          base_facts = join_facts (base_block);
          if (g_strcmp0 (facts ? facts : "", base_facts ? base_facts : "") != 0)
            {
              g_autofree char *facts_path = g_strdup_printf ("%s.facts", path);

              add_base_problem (problems, NH_PROBLEM_ERROR, facts_path,
                                "the fact ids (%s) are not those of the source block (%s)",
                                facts && *facts ? facts : "none", base_facts && *base_facts ? base_facts : "none");
            }

          fingerprint = nh_edition_po_fingerprint (base_source);
          old_fingerprint = json_object_get_string_member_with_default (translation, "fingerprint", NULL);
          old_source = json_object_get_string_member_with_default (translation, "source", NULL);

          if (old_fingerprint != NULL && !g_str_equal (old_fingerprint, fingerprint))
            {
              g_autofree char *change = old_source ? describe_change (old_source, base_source)
                                                   : g_strdup ("the source text changed");

              add_base_problem (problems, NH_PROBLEM_WARNING, path,
                                "outdated: the base text changed since this block was translated: %s. "
                                "Update the translation (msgmerge marks it for review)", change);
            }
        }
    }

  positions = nh_json_positions_new (g_bytes_get_data (edition, NULL), g_bytes_get_size (edition));
  for (guint i = 0; i < problems->len; i++)
    {
      NhEditionProblem *problem = g_ptr_array_index (problems, i);

      nh_json_positions_lookup (positions, problem->path, &problem->line, &problem->column);
    }

  return problems;
}
