/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition.c: a handbook edition: metadata and sections, loaded from JSON */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "nh-catalog.h"
#include "nh-checklist-tier.h"
#include "nh-edition.h"
#include "nh-edition-po.h"
#include "nh-json-hints.h"
#include "nh-json-positions.h"
#include "nh-json-guard.h"

struct _NhEdition
{
  GObject     parent_instance;
  char       *id;
  char       *title;
  char       *language;
  char       *version;
  char       *last_reviewed;
  char       *source_credit;
  char       *disclaimer;
  GListStore *sections;
  char       *checklist_title;
  char       *checklist_intro;
  GPtrArray  *checklist_tiers;
  GStrv       checklist_search_words;
  char       *translation_note;
  NhCatalog  *catalog;          /* the labels of printouts, in this edition's language */
  char       *publisher;
  char       *publisher_website;
  char       *publisher_contact;
  char       *reviewed_by;
  char       *reviewed_on;
  char       *based_on;
  char       *based_on_title;
  char       *based_on_language;
  guint       n_interface;      /* interface strings the edition translates */
  gboolean    has_interface;    /* it has an "interface" list */
  guint       block_states[4];  /* translated, needs review, reviewed, untranslated */
  GPtrArray  *contacts;         /* of NhEditionContact */
  char       *card_title;
  char       *card_diagnosis;
  GStrv       card_instructions;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_LANGUAGE,
  PROP_VERSION,
  PROP_LAST_REVIEWED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhEdition, nh_edition, G_TYPE_OBJECT)
G_DEFINE_QUARK (nh-edition-error-quark, nh_edition_error)

static GParamSpec *properties[N_PROPS];

/* The checker walks the document once, collecting every problem. */
typedef struct
{
  GPtrArray  *problems;
  guint       n_errors;
  NhCatalog  *catalog;   /* translates the text, or NULL */
  const char *context;   /* msgctxt of the text being read, as build-aux/edition-pot writes it */
  guint       block_states[4];  /* of the blocks of a group's translation */
} Checker;

/* The states of a block of a group's translation (nh-edition-po.c). */
static const char * const translation_states[] = {
  "translated", "needs-review", "reviewed", "untranslated", NULL
};

/* The text in the reader's language; ids and dates are never translated. */
static const char *
tr (Checker    *checker,
    const char *text)
{
  if (checker->catalog == NULL || text == NULL)
    return text;

  return nh_catalog_pgettext (checker->catalog, checker->context, text);
}

static void
add_problem (Checker           *checker,
             NhProblemSeverity  severity,
             const char        *path,
             const char        *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Checker           *checker,
             NhProblemSeverity  severity,
             const char        *path,
             const char        *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (checker->problems, nh_edition_problem_new_valist (severity, path, format, args));
  va_end (args);

  if (severity == NH_PROBLEM_ERROR)
    checker->n_errors++;
}

/**
 * nh_edition_problem_new_valist:
 *
 * A problem at @path (a JSON path, "" for the whole file), with no line
 * yet: every checker of a file the user brings (an edition, a clinic file,
 * a translation) makes its problems here.
 */
NhEditionProblem *
nh_edition_problem_new_valist (NhProblemSeverity  severity,
                               const char        *path,
                               const char        *format,
                               va_list            args)
{
  NhEditionProblem *problem = g_new0 (NhEditionProblem, 1);

  problem->severity = severity;
  problem->path = g_strdup (path);
  problem->message = g_strdup_vprintf (format, args);

  return problem;
}

void
nh_edition_problem_free (NhEditionProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static char *
member_path (const char *parent,
             const char *member)
{
  return *parent ? g_strdup_printf ("%s.%s", parent, member) : g_strdup (member);
}

static char *
element_path (const char *parent,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

/* Whether @a becomes @b with one letter changed, added, taken out, or two
 * neighbours swapped: "titel" and "title". */
static gboolean
one_edit_apart (const char *a,
                const char *b)
{
  gsize la = strlen (a), lb = strlen (b), i = 0;

  if (la > lb + 1 || lb > la + 1 || g_str_equal (a, b))
    return FALSE;

  while (i < la && i < lb && a[i] == b[i])
    i++;

  if (la == lb)
    return g_str_equal (a + i + 1, b + i + 1) ||
           (i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && g_str_equal (a + i + 2, b + i + 2));

  return la > lb ? g_str_equal (a + i + 1, b + i) : g_str_equal (a + i, b + i + 1);
}

/* Warns about members the format does not know: a typo in a field name
 * should not pass silently. */
static void
check_known_members (Checker            *checker,
                     JsonObject         *object,
                     const char         *path,
                     const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (!g_strv_contains (known, name))
        {
          g_autofree char *where = member_path (path, name);
          const char *near = NULL;

          for (guint i = 0; known[i] && near == NULL; i++)
            if (one_edit_apart (name, known[i]))
              near = known[i];

          if (near != NULL)
            add_problem (checker, NH_PROBLEM_WARNING, where, "unknown field, ignored; did you mean \"%s\"?", near);
          else
            add_problem (checker, NH_PROBLEM_WARNING, where, "unknown field, ignored");
        }
    }
}

static gboolean
check_text (Checker    *checker,
            JsonNode   *node,
            const char *path,
            gboolean    allow_empty)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be text");
      return FALSE;
    }

  text = json_node_get_string (node);

  if (!allow_empty)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        {
          add_problem (checker, NH_PROBLEM_ERROR, path, "empty");
          return FALSE;
        }
    }

  if (g_utf8_strlen (text, -1) > NH_EDITION_MAX_TEXT_CHARS)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path,
                   "too long (more than %d characters)", NH_EDITION_MAX_TEXT_CHARS);
      return FALSE;
    }

  return TRUE;
}

/* Returns the member's string, or NULL after recording why not. */
static const char *
require_text (Checker    *checker,
              JsonObject *object,
              const char *parent,
              const char *member)
{
  g_autofree char *path = member_path (parent, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "missing");
      return NULL;
    }

  if (!check_text (checker, node, path, FALSE))
    return NULL;

  return json_node_get_string (node);
}

static gboolean
is_valid_date (const char *text)
{
  guint year, month, day;
  char tail;

  if (strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (day, month, year) && year >= 1900;
}

/* ISO 639-1: the languages a two-letter tag can name. */
static const char iso_639_1[] =
  "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
  "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
  "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
  "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
  "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
  "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/* A short BCP 47 tag: "en", "de", "pt-BR", "zh-Hans"; two-letter languages
 * must be real ones. */
static gboolean
is_valid_language (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  gsize len = strlen (parts[0]);

  if (len < 2 || len > 3)
    return FALSE;

  if (len == 2)
    {
      const char *found = strstr (iso_639_1, parts[0]);

      if (found == NULL || (found - iso_639_1) % 3 != 0)
        return FALSE;
    }

  for (const char *c = parts[0]; *c; c++)
    if (!g_ascii_islower (*c))
      return FALSE;

  for (guint i = 1; parts[i]; i++)
    {
      gsize part_len = strlen (parts[i]);

      if (part_len < 2 || part_len > 8)
        return FALSE;
      for (const char *c = parts[i]; *c; c++)
        if (!g_ascii_isalnum (*c))
          return FALSE;
    }

  return TRUE;
}

static gboolean
is_valid_section_id (const char *id)
{
  if (*id == '\0' || strlen (id) > 64)
    return FALSE;

  for (const char *c = id; *c; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '-'))
      return FALSE;

  return TRUE;
}

static gboolean
is_valid_fact_id (const char *id)
{
  if (id[0] < 'A' || id[0] > 'H' || id[1] == '\0' || strlen (id) > 4)
    return FALSE;

  for (const char *c = id + 1; *c; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;

  return TRUE;
}

/* Returns a NULL-terminated array of strings, or NULL after recording why. */
static GStrv
check_string_array (Checker    *checker,
                    JsonNode   *node,
                    const char *path,
                    gboolean    require_items)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be a list");
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (require_items && n == 0)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "empty");
      return NULL;
    }

  if (n > NH_EDITION_MAX_ITEMS)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path,
                   "too many entries (more than %d)", NH_EDITION_MAX_ITEMS);
      return NULL;
    }

  builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = element_path (path, i);
      JsonNode *item = json_array_get_element (array, i);

      if (check_text (checker, item, item_path, FALSE))
        g_strv_builder_add (builder, json_node_get_string (item));
      else
        ok = FALSE;
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

static const char *optional_text (Checker    *checker,
                                  JsonObject *object,
                                  const char *parent,
                                  const char *member);

/* The digit groups of @text, in order: "call 911 or 0800 123" gives
 * 911, 0800, 123. */
static GPtrArray *
dup_numbers (const char *text)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  const char *p = text ? text : "";

  while (*p)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;

          while (g_ascii_isdigit (*p))
            p++;
          g_ptr_array_add (numbers, g_strndup (start, p - start));
        }
      else
        p++;
    }

  return numbers;
}

static gboolean
take_number (GPtrArray  *numbers,
             const char *number)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_str_equal (g_ptr_array_index (numbers, i), number))
      {
        g_ptr_array_remove_index (numbers, i);
        return TRUE;
      }

  return FALSE;
}

/* A translation keeps every number of its source and adds none: machine
 * translation has been seen to turn 911 into 112. */
static void
check_numbers (Checker    *checker,
               const char *source,
               const char *translated,
               const char *path)
{
  g_autoptr(GPtrArray) source_numbers = dup_numbers (source);
  g_autoptr(GPtrArray) numbers = dup_numbers (translated);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < source_numbers->len; i++)
    {
      const char *number = g_ptr_array_index (source_numbers, i);

      if (!take_number (numbers, number))
        g_ptr_array_add (missing, g_strdup (number));
    }

  if (missing->len > 0 && numbers->len > 0)
    add_problem (checker, NH_PROBLEM_ERROR, path,
                 "the number %s of the source is %s in the translation: numbers must stay as they are",
                 (const char *)g_ptr_array_index (missing, 0), (const char *)g_ptr_array_index (numbers, 0));
  else if (missing->len > 0)
    add_problem (checker, NH_PROBLEM_ERROR, path,
                 "the number %s of the source is missing from the translation",
                 (const char *)g_ptr_array_index (missing, 0));
  else if (numbers->len > 0)
    add_problem (checker, NH_PROBLEM_ERROR, path,
                 "the translation has the number %s, which is not in the source",
                 (const char *)g_ptr_array_index (numbers, 0));
}

/* "translation": how far a group's translation of the block has come
 * (nh-edition-po.c writes it), and the source it was made from. */
static void
check_block_translation (Checker    *checker,
                         NhBlock    *block,
                         JsonObject *object,
                         const char *path)
{
  static const char * const known[] = { "state", "source", "fingerprint", "reviewed_by", "reviewed_on", NULL };
  g_autofree char *translation_path = member_path (path, "translation");
  g_autoptr(GString) translated = NULL;
  JsonNode *node = json_object_get_member (object, "translation");
  JsonObject *translation;
  const char *state;
  const char *source;
  const char *date;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, translation_path, "must be an object");
      return;
    }

  translation = json_node_get_object (node);
  check_known_members (checker, translation, translation_path, known);

  if (!(state = require_text (checker, translation, translation_path, "state")))
    return;

  for (guint i = 0; translation_states[i]; i++)
    if (g_str_equal (state, translation_states[i]))
      checker->block_states[i]++;

  if (!g_strv_contains (translation_states, state))
    {
      g_autofree char *state_path = member_path (translation_path, "state");
      add_problem (checker, NH_PROBLEM_ERROR, state_path,
                   "\"%s\" is not a state (use translated, needs-review, reviewed or untranslated)", state);
      return;
    }

  if (g_str_equal (state, "reviewed"))
    {
      require_text (checker, translation, translation_path, "reviewed_by");
      if ((date = optional_text (checker, translation, translation_path, "reviewed_on")) && !is_valid_date (date))
        {
          g_autofree char *date_path = member_path (translation_path, "reviewed_on");
          add_problem (checker, NH_PROBLEM_ERROR, date_path,
                       "\"%s\" is not a date written as YYYY-MM-DD", date);
        }
    }

  nh_block_set_translation_state (block, state);

  if (!(source = optional_text (checker, translation, translation_path, "source")))
    return;

  translated = g_string_new (nh_block_get_text (block));
  for (const char * const *items = nh_block_get_items (block); items && *items; items++)
    g_string_append_printf (translated, "%s%s", translated->len ? "\n" : "", *items);

  if (!g_str_equal (state, "untranslated"))
    check_numbers (checker, source, translated->str, path);
}

/* Optional "search_words": more words search finds the place by, each
 * translated in the place's own context; never shown as text. */
static GStrv
check_search_words (Checker    *checker,
                    JsonObject *object,
                    const char *path)
{
  g_autofree char *words_path = member_path (path, "search_words");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) words = NULL;
  JsonNode *node;

  if (!(node = json_object_get_member (object, "search_words")))
    return NULL;
  if (!(words = check_string_array (checker, node, words_path, FALSE)))
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; words[i]; i++)
    g_strv_builder_add (builder, tr (checker, words[i]));

  return g_strv_builder_end (builder);
}

static NhBlock *
check_block (Checker    *checker,
             JsonNode   *node,
             const char *path)
{
  static const char * const known[] = { "type", "text", "items", "facts", "translation", NULL };
  g_autoptr(NhBlock) block = NULL;
  g_auto(GStrv) items = NULL;
  g_auto(GStrv) facts = NULL;
  JsonObject *object;
  JsonNode *facts_node;
  const char *type;
  const char *text = NULL;
  NhBlockKind kind;
  guint errors_before = checker->n_errors;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
      return NULL;
    }

  object = json_node_get_object (node);
  check_known_members (checker, object, path, known);

  if (!(type = require_text (checker, object, path, "type")))
    return NULL;

  if (!nh_block_kind_from_string (type, &kind))
    {
      g_autofree char *type_path = member_path (path, "type");
      add_problem (checker, NH_PROBLEM_ERROR, type_path,
                   "unknown block type \"%s\" (expected paragraph, heading, list, "
                   "important, disclaimer or edition-info)", type);
      return NULL;
    }

  switch (kind)
    {
    case NH_BLOCK_PARAGRAPH:
    case NH_BLOCK_HEADING:
    case NH_BLOCK_IMPORTANT:
      text = require_text (checker, object, path, "text");
      break;

    case NH_BLOCK_LIST:
      {
        g_autofree char *items_path = member_path (path, "items");
        JsonNode *items_node = json_object_get_member (object, "items");

        if (items_node == NULL)
          add_problem (checker, NH_PROBLEM_ERROR, items_path, "missing");
        else
          items = check_string_array (checker, items_node, items_path, TRUE);
      }
      break;

    case NH_BLOCK_DISCLAIMER:
    case NH_BLOCK_EDITION_INFO:
    default:
      break;
    }

  if ((facts_node = json_object_get_member (object, "facts")))
    {
      g_autofree char *facts_path = member_path (path, "facts");

      if ((facts = check_string_array (checker, facts_node, facts_path, TRUE)))
        {
          for (guint i = 0; facts[i]; i++)
            {
              if (!is_valid_fact_id (facts[i]))
                {
                  g_autofree char *fact_path = element_path (facts_path, i);
                  add_problem (checker, NH_PROBLEM_ERROR, fact_path,
                               "\"%s\" is not a fact id (like A1 or E4)", facts[i]);
                }
            }
        }
    }

  if (checker->n_errors != errors_before)
    return NULL;

  for (guint i = 0; items && items[i]; i++)
    {
      char *translated = g_strdup (tr (checker, items[i]));

      g_free (items[i]);
      items[i] = translated;
    }

  block = nh_block_new (kind, tr (checker, text),
                        (const char * const *)items,
                        (const char * const *)facts);
  check_block_translation (checker, block, object, path);

  return g_steal_pointer (&block);
}

static NhSection *
check_section (Checker    *checker,
               JsonNode   *node,
               const char *path,
               GHashTable *seen_ids)
{
  static const char * const known[] = { "id", "title", "icon", "blocks", "search_words", NULL };
  g_auto(GStrv) search_words = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *blocks_path = NULL;
  g_autofree char *section_context = NULL;
  JsonObject *object;
  JsonNode *blocks_node;
  const char *id;
  const char *title;
  const char *icon;
  guint errors_before = checker->n_errors;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
      return NULL;
    }

  object = json_node_get_object (node);
  check_known_members (checker, object, path, known);

  if ((id = require_text (checker, object, path, "id")))
    {
      g_autofree char *id_path = member_path (path, "id");

      if (!is_valid_section_id (id))
        add_problem (checker, NH_PROBLEM_ERROR, id_path,
                     "\"%s\" is not a valid id (use lower-case letters, digits and -)", id);
      else if (g_hash_table_contains (seen_ids, id))
        add_problem (checker, NH_PROBLEM_ERROR, id_path,
                     "duplicate id \"%s\"", id);
      else
        g_hash_table_add (seen_ids, g_strdup (id));
    }

  /* The section's texts are translated in its own context. */
  section_context = g_strdup_printf ("section:%s", id ? id : "");
  checker->context = section_context;

  title = tr (checker, require_text (checker, object, path, "title"));
  icon = require_text (checker, object, path, "icon");

  blocks_path = member_path (path, "blocks");
  blocks_node = json_object_get_member (object, "blocks");

  if (blocks_node == NULL)
    add_problem (checker, NH_PROBLEM_ERROR, blocks_path, "missing");
  else if (!JSON_NODE_HOLDS_ARRAY (blocks_node))
    add_problem (checker, NH_PROBLEM_ERROR, blocks_path, "must be a list");
  else
    {
      JsonArray *array = json_node_get_array (blocks_node);
      guint n = json_array_get_length (array);

      if (n == 0)
        add_problem (checker, NH_PROBLEM_ERROR, blocks_path, "empty");
      else if (n > NH_EDITION_MAX_ITEMS)
        add_problem (checker, NH_PROBLEM_ERROR, blocks_path,
                     "too many blocks (more than %d)", NH_EDITION_MAX_ITEMS);
      else
        {
          blocks = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < n; i++)
            {
              g_autofree char *block_path = element_path (blocks_path, i);
              NhBlock *block = check_block (checker, json_array_get_element (array, i), block_path);

              if (block != NULL)
                g_ptr_array_add (blocks, block);
            }
        }
    }

  search_words = check_search_words (checker, object, path);

  checker->context = "edition";

  if (checker->n_errors != errors_before)
    return NULL;

  {
    NhSection *section = nh_section_new (id, title, icon, blocks);

    nh_section_set_search_words (section, (const char * const *)search_words);
    return section;
  }
}

static const char * const text_known[] = { "text", "facts", NULL };

/* Optional "facts" on a text object; the text itself is required. */
static const char *
check_fact_text (Checker            *checker,
                 JsonNode           *node,
                 const char         *path,
                 const char * const *known)
{
  JsonObject *object;
  JsonNode *facts_node;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
      return NULL;
    }

  object = json_node_get_object (node);
  check_known_members (checker, object, path, known);
  text = require_text (checker, object, path, "text");

  if ((facts_node = json_object_get_member (object, "facts")))
    {
      g_autofree char *facts_path = member_path (path, "facts");
      g_auto(GStrv) facts = check_string_array (checker, facts_node, facts_path, TRUE);

      for (guint i = 0; facts && facts[i]; i++)
        if (!is_valid_fact_id (facts[i]))
          {
            g_autofree char *fact_path = element_path (facts_path, i);
            add_problem (checker, NH_PROBLEM_ERROR, fact_path,
                         "\"%s\" is not a fact id (like A1 or E4)", facts[i]);
          }
    }

  return text;
}

/* Returns the member if it is a non-empty array, else NULL after saying why. */
static JsonArray *
require_array (Checker    *checker,
               JsonObject *object,
               const char *parent,
               const char *member)
{
  g_autofree char *path = member_path (parent, member);
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    add_problem (checker, NH_PROBLEM_ERROR, path, "missing");
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    add_problem (checker, NH_PROBLEM_ERROR, path, "must be a list");
  else if (json_array_get_length (array = json_node_get_array (node)) == 0)
    add_problem (checker, NH_PROBLEM_ERROR, path, "empty");
  else if (json_array_get_length (array) > NH_EDITION_MAX_ITEMS)
    add_problem (checker, NH_PROBLEM_ERROR, path,
                 "too many entries (more than %d)", NH_EDITION_MAX_ITEMS);
  else
    return array;

  return NULL;
}

/* Returns the member if it is an object, else NULL after saying why. */
static JsonObject *
require_object (Checker    *checker,
                JsonObject *object,
                const char *parent,
                const char *member)
{
  g_autofree char *path = member_path (parent, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    add_problem (checker, NH_PROBLEM_ERROR, path, "missing");
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
  else
    return json_node_get_object (node);

  return NULL;
}

static NhChecklistTier *
check_tier (Checker    *checker,
            JsonNode   *node,
            const char *path,
            GHashTable *seen_item_ids)
{
  static const char * const known[] = { "id", "title", "items", NULL };
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_autoptr(GArray) advice = g_array_new (FALSE, TRUE, sizeof (gboolean));
  NhChecklistTier *tier;
  g_auto(GStrv) id_list = NULL;
  g_auto(GStrv) text_list = NULL;
  guint errors_before = checker->n_errors;
  JsonObject *object;
  JsonArray *items;
  const char *id;
  const char *title;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
      return NULL;
    }

  object = json_node_get_object (node);
  check_known_members (checker, object, path, known);

  if ((id = require_text (checker, object, path, "id")) && !is_valid_section_id (id))
    {
      g_autofree char *id_path = member_path (path, "id");
      add_problem (checker, NH_PROBLEM_ERROR, id_path,
                   "\"%s\" is not a valid id (use lower-case letters, digits and -)", id);
    }
  title = tr (checker, require_text (checker, object, path, "title"));

  if ((items = require_array (checker, object, path, "items")))
    {
      g_autofree char *items_path = member_path (path, "items");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          static const char * const item_known[] = { "id", "text", "facts", "kind", NULL };
          g_autofree char *item_path = element_path (items_path, i);
          JsonNode *item = json_array_get_element (items, i);
          const char *item_id;
          const char *text;
          gboolean is_advice;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            {
              add_problem (checker, NH_PROBLEM_ERROR, item_path, "must be an object");
              continue;
            }

          text = check_fact_text (checker, item, item_path, item_known);
          item_id = require_text (checker, json_node_get_object (item), item_path, "id");
          is_advice = FALSE;

          /* "step" (the default) is ticked; "advice" is shown as a callout. */
          if (json_object_has_member (json_node_get_object (item), "kind"))
            {
              JsonNode *kind_node = json_object_get_member (json_node_get_object (item), "kind");
              g_autofree char *kind_path = member_path (item_path, "kind");
              const char *kind = JSON_NODE_HOLDS_VALUE (kind_node) &&
                                 json_node_get_value_type (kind_node) == G_TYPE_STRING
                                 ? json_node_get_string (kind_node) : NULL;

              if (g_strcmp0 (kind, "advice") == 0)
                is_advice = TRUE;
              else if (g_strcmp0 (kind, "step") != 0)
                add_problem (checker, NH_PROBLEM_ERROR, kind_path, "must be \"step\" or \"advice\"");
            }

          if (item_id != NULL)
            {
              g_autofree char *id_path = member_path (item_path, "id");

              if (!is_valid_section_id (item_id))
                add_problem (checker, NH_PROBLEM_ERROR, id_path,
                             "\"%s\" is not a valid id (use lower-case letters, digits and -)",
                             item_id);
              else if (g_hash_table_contains (seen_item_ids, item_id))
                add_problem (checker, NH_PROBLEM_ERROR, id_path, "duplicate id \"%s\"", item_id);
              else
                g_hash_table_add (seen_item_ids, g_strdup (item_id));
            }

          if (item_id != NULL && text != NULL)
            {
              g_strv_builder_add (ids, item_id);
              g_strv_builder_add (texts, tr (checker, text));
              g_array_append_val (advice, is_advice);
            }
        }
    }

  if (checker->n_errors != errors_before)
    return NULL;

  id_list = g_strv_builder_end (ids);
  text_list = g_strv_builder_end (texts);

  tier = nh_checklist_tier_new (id, title,
                                (const char * const *)id_list,
                                (const char * const *)text_list);
  for (guint i = 0; i < advice->len; i++)
    nh_checklist_tier_set_item_is_advice (tier, i, g_array_index (advice, gboolean, i));

  return tier;
}

static void
check_checklist (Checker    *checker,
                 NhEdition  *self,
                 JsonObject *root)
{
  static const char * const known[] = { "title", "intro", "tiers", "search_words", NULL };
  g_autoptr(GHashTable) seen_item_ids = NULL;
  JsonObject *object;
  JsonNode *intro;
  JsonArray *tiers;

  if (!(object = require_object (checker, root, "", "checklist")))
    return;

  check_known_members (checker, object, "checklist", known);
  checker->context = "checklist";
  self->checklist_title = g_strdup (tr (checker, require_text (checker, object, "checklist", "title")));
  self->checklist_search_words = check_search_words (checker, object, "checklist");

  if (!(intro = json_object_get_member (object, "intro")))
    add_problem (checker, NH_PROBLEM_ERROR, "checklist.intro", "missing");
  else
    self->checklist_intro = g_strdup (tr (checker, check_fact_text (checker, intro, "checklist.intro",
                                                                    text_known)));

  seen_item_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((tiers = require_array (checker, object, "checklist", "tiers")))
    {
      for (guint i = 0; i < json_array_get_length (tiers); i++)
        {
          g_autofree char *path = element_path ("checklist.tiers", i);
          NhChecklistTier *tier = check_tier (checker, json_array_get_element (tiers, i),
                                              path, seen_item_ids);

          if (tier != NULL)
            g_ptr_array_add (self->checklist_tiers, tier);
        }
    }
}

static void
check_card (Checker    *checker,
            NhEdition  *self,
            JsonObject *root)
{
  static const char * const known[] = { "title", "diagnosis_default", "instructions", NULL };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *object;
  JsonArray *instructions;

  if (!(object = require_object (checker, root, "", "card")))
    return;

  check_known_members (checker, object, "card", known);
  checker->context = "card";
  self->card_title = g_strdup (tr (checker, require_text (checker, object, "card", "title")));
  self->card_diagnosis = g_strdup (tr (checker, require_text (checker, object, "card", "diagnosis_default")));

  if ((instructions = require_array (checker, object, "card", "instructions")))
    {
      for (guint i = 0; i < json_array_get_length (instructions); i++)
        {
          g_autofree char *path = element_path ("card.instructions", i);
          const char *text = check_fact_text (checker, json_array_get_element (instructions, i), path,
                                              text_known);

          if (text != NULL)
            g_strv_builder_add (builder, tr (checker, text));
        }
    }

  self->card_instructions = g_strv_builder_end (builder);
}

/* Optional text member: NULL when absent, after recording a wrong type. */
static const char *
optional_text (Checker    *checker,
               JsonObject *object,
               const char *parent,
               const char *member)
{
  g_autofree char *path = member_path (parent, member);
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !check_text (checker, node, path, FALSE))
    return NULL;

  return json_node_get_string (node);
}

/* A phone number families dial from the card or Call Now: digits, spaces,
 * + ( ) - . and an extension ("ext. 12"); a letter typed for a digit
 * ("0800 NEMO") or a word processor's dash cannot be dialled. */
static void
check_dialable (Checker    *checker,
                const char *phone,
                const char *path)
{
  g_autofree char *lower = NULL;
  g_autofree char *phone_path = NULL;
  const char *end;
  guint digits = 0;

  if (phone == NULL)
    return;

  lower = g_ascii_strdown (phone, -1);
  end = lower + strlen (lower);
  for (const char *marker = lower; *marker; marker++)
    if (g_str_has_prefix (marker, "ext") || *marker == 'x' || *marker == '#')
      {
        end = marker;
        break;
      }

  for (const char *p = lower; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" +()-.", *p))
        {
          phone_path = member_path (path, "phone");
          add_problem (checker, NH_PROBLEM_ERROR, phone_path,
                       "\"%s\" cannot be dialled: a phone number has only digits, spaces and + ( ) - . "
                       "(and an extension such as \"ext. 12\")", phone);
          return;
        }
    }

  if (digits == 0)
    {
      phone_path = member_path (path, "phone");
      add_problem (checker, NH_PROBLEM_ERROR, phone_path, "\"%s\" has no digits to dial", phone);
    }
}

/* What a support group adds: who made the edition, who checked it, what it
 * adapts, and local phone numbers. All optional; the built-in has none. */
static void
check_group_fields (Checker    *checker,
                    NhEdition  *self,
                    JsonObject *root)
{
  static const char * const publisher_known[] = { "name", "website", "contact", NULL };
  static const char * const based_on_known[] = { "id", "version", "title", "language", NULL };
  static const char * const contact_known[] = { "kind", "name", "phone", "website", "note", "on_card", NULL };
  static const char * const kinds[] = { "helpline", "emergency", "centre", "other", NULL };
  guint on_card_count = 0;
  JsonNode *node;
  const char *text;

  if ((node = json_object_get_member (root, "publisher")))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        add_problem (checker, NH_PROBLEM_ERROR, "publisher", "must be an object");
      else
        {
          JsonObject *publisher = json_node_get_object (node);

          check_known_members (checker, publisher, "publisher", publisher_known);
          self->publisher = g_strdup (require_text (checker, publisher, "publisher", "name"));
          self->publisher_website = g_strdup (optional_text (checker, publisher, "publisher", "website"));
          self->publisher_contact = g_strdup (optional_text (checker, publisher, "publisher", "contact"));
        }
    }

  self->reviewed_by = g_strdup (optional_text (checker, root, "", "reviewed_by"));

  if ((text = optional_text (checker, root, "", "reviewed_on")))
    {
      if (is_valid_date (text))
        self->reviewed_on = g_strdup (text);
      else
        add_problem (checker, NH_PROBLEM_ERROR, "reviewed_on",
                     "\"%s\" is not a date written as YYYY-MM-DD", text);
    }

  if ((node = json_object_get_member (root, "based_on")))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        add_problem (checker, NH_PROBLEM_ERROR, "based_on", "must be an object");
      else
        {
          JsonObject *based_on = json_node_get_object (node);

          check_known_members (checker, based_on, "based_on", based_on_known);
          self->based_on = g_strdup_printf ("%s %s",
                                            require_text (checker, based_on, "based_on", "id") ?: "",
                                            require_text (checker, based_on, "based_on", "version") ?: "");
          self->based_on_title = g_strdup (optional_text (checker, based_on, "based_on", "title"));
          if ((text = optional_text (checker, based_on, "based_on", "language")))
            {
              if (is_valid_language (text))
                self->based_on_language = g_strdup (text);
              else
                add_problem (checker, NH_PROBLEM_ERROR, "based_on.language",
                             "\"%s\" is not a language code (like en, de or pt-BR)", text);
            }
        }
    }

  if ((node = json_object_get_member (root, "contacts")))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          add_problem (checker, NH_PROBLEM_ERROR, "contacts", "must be a list");
          return;
        }

      array = json_node_get_array (node);
      if (json_array_get_length (array) > NH_EDITION_MAX_ITEMS)
        {
          add_problem (checker, NH_PROBLEM_ERROR, "contacts",
                       "too many entries (more than %d)", NH_EDITION_MAX_ITEMS);
          return;
        }

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = element_path ("contacts", i);
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *contact;
          NhEditionContact *entry;
          const char *kind;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            {
              add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
              continue;
            }

          contact = json_node_get_object (item);
          check_known_members (checker, contact, path, contact_known);
          entry = g_new0 (NhEditionContact, 1);

          if ((kind = require_text (checker, contact, path, "kind")) && !g_strv_contains (kinds, kind))
            {
              g_autofree char *kind_path = member_path (path, "kind");
              add_problem (checker, NH_PROBLEM_ERROR, kind_path,
                           "\"%s\" is not a kind of contact (use helpline, emergency, centre or other)",
                           kind);
            }
          entry->kind = g_strdup (kind);
          entry->name = g_strdup (require_text (checker, contact, path, "name"));
          entry->phone = g_strdup (optional_text (checker, contact, path, "phone"));
          check_dialable (checker, entry->phone, path);
          if (json_object_has_member (contact, "on_card"))
            {
              JsonNode *on_card = json_object_get_member (contact, "on_card");

              if (JSON_NODE_HOLDS_VALUE (on_card) && json_node_get_value_type (on_card) == G_TYPE_BOOLEAN)
                {
                  entry->on_card = json_node_get_boolean (on_card);
                  if (entry->on_card && ++on_card_count == 1)
                    {
                      g_autofree char *on_card_path = member_path (path, "on_card");
                      add_problem (checker, NH_PROBLEM_WARNING, on_card_path,
                                   "printed on the back of a blank card, before the lines families fill "
                                   "in: on a wallet card some of those lines may not fit (print one to see)");
                    }
                }
              else
                {
                  g_autofree char *on_card_path = member_path (path, "on_card");
                  add_problem (checker, NH_PROBLEM_ERROR, on_card_path, "must be true or false");
                }
            }
          entry->website = g_strdup (optional_text (checker, contact, path, "website"));
          entry->note = g_strdup (optional_text (checker, contact, path, "note"));
          g_ptr_array_add (self->contacts, entry);
        }
    }
}

/* An edition in a language the app does not ship brings the interface
 * strings along; with less than 90 % of them, families see a mixed
 * window. */
static void
check_interface_coverage (Checker   *checker,
                          NhEdition *self)
{
  g_auto(GStrv) shipped = NULL;
  guint total;

  if (checker->catalog != NULL || self->language == NULL)
    return;

  shipped = nh_catalog_list_languages ();
  if (g_strv_contains ((const char * const *)shipped, self->language) ||
      g_str_has_prefix (self->language, "en") ||
      (total = nh_edition_po_get_n_interface_strings ()) == 0)
    return;

  if (self->n_interface * 10 < total * 9)
    add_problem (checker, NH_PROBLEM_WARNING, self->has_interface ? "interface" : "",
                 "only %u of the app's %u interface strings are translated into \"%s\" (%u %%); "
                 "the rest shows in %s. Make the edition with --import-translation",
                 self->n_interface, total, self->language, self->n_interface * 100 / total,
                 self->based_on_language ? self->based_on_language : "en");
}

/* "interface": the group's translation of the app's own strings, as
 * gettext entries. While the edition is in use they come first; what they
 * lack comes from the base edition's language. */
static void
check_interface (Checker    *checker,
                 NhEdition  *self,
                 JsonObject *root)
{
  static const char * const known[] = { "msgctxt", "msgid", "msgstr", "msgid_plural", "msgstr_plural", NULL };
  g_autoptr(GHashTable) strings = NULL;
  g_autoptr(GHashTable) plurals = NULL;
  g_autoptr(NhCatalog) fallback = NULL;
  JsonNode *node = json_object_get_member (root, "interface");
  JsonArray *array;

  if (node == NULL)
    {
      check_interface_coverage (checker, self);
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (checker, NH_PROBLEM_ERROR, "interface", "must be a list");
      return;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > 50 * NH_EDITION_MAX_ITEMS)
    {
      add_problem (checker, NH_PROBLEM_ERROR, "interface",
                   "too many entries (more than %d)", 50 * NH_EDITION_MAX_ITEMS);
      return;
    }

  self->has_interface = TRUE;
  strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plurals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = element_path ("interface", i);
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *entry;
      const char *context, *msgid, *msgstr;
      JsonNode *forms;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          add_problem (checker, NH_PROBLEM_ERROR, path, "must be an object");
          continue;
        }

      entry = json_node_get_object (item);
      check_known_members (checker, entry, path, known);
      context = optional_text (checker, entry, path, "msgctxt");
      if (!(msgid = require_text (checker, entry, path, "msgid")))
        continue;

      if ((forms = json_object_get_member (entry, "msgstr_plural")))
        {
          g_autofree char *forms_path = member_path (path, "msgstr_plural");
          GStrv list = check_string_array (checker, forms, forms_path, TRUE);

          if (list != NULL)
            {
              g_hash_table_insert (strings, g_strdup (msgid), list[0]);
              g_hash_table_insert (plurals, g_strdup (msgid), list);
              self->n_interface++;
            }
          continue;
        }

      if (!(msgstr = require_text (checker, entry, path, "msgstr")))
        continue;

      g_hash_table_insert (strings,
                           context ? g_strconcat (context, "\004", msgid, NULL) : g_strdup (msgid),
                           (char *)msgstr);
      self->n_interface++;
    }

  check_interface_coverage (checker, self);

  fallback = nh_catalog_new (self->based_on_language ? self->based_on_language : "en");
  g_clear_object (&self->catalog);
  self->catalog = nh_catalog_new_from_strings (self->language ? self->language : "en",
                                               strings, plurals, fallback);
}

static NhEdition *
check_document (Checker  *checker,
                JsonNode *root)
{
  static const char * const known[] = {
    "format", "id", "title", "language", "version", "last_reviewed",
    "source_credit", "disclaimer", "sections", "checklist", "card",
    "publisher", "reviewed_by", "reviewed_on", "based_on", "contacts", "interface", NULL
  };
  g_autoptr(NhEdition) self = NULL;
  g_autoptr(GHashTable) seen_ids = NULL;
  JsonObject *object;
  JsonNode *node;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (checker, NH_PROBLEM_ERROR, "", "the document must be a JSON object");
      return NULL;
    }

  object = json_node_get_object (root);
  check_known_members (checker, object, "", known);
  self = g_object_new (NH_TYPE_EDITION, NULL);

  if (!(node = json_object_get_member (object, "format")))
    add_problem (checker, NH_PROBLEM_ERROR, "format", "missing");
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    add_problem (checker, NH_PROBLEM_ERROR, "format", "must be a whole number");
  else if (json_node_get_int (node) != 1)
    add_problem (checker, NH_PROBLEM_ERROR, "format",
                 "format %" G_GINT64_FORMAT " is not supported (this version reads format 1)",
                 json_node_get_int (node));

  checker->context = "edition";
  self->id = g_strdup (require_text (checker, object, "", "id"));
  self->title = g_strdup (tr (checker, require_text (checker, object, "", "title")));
  self->version = g_strdup (require_text (checker, object, "", "version"));
  self->source_credit = g_strdup (tr (checker, require_text (checker, object, "", "source_credit")));

  if ((text = require_text (checker, object, "", "language")))
    {
      if (is_valid_language (text))
        self->language = g_strdup (text);
      else
        add_problem (checker, NH_PROBLEM_ERROR, "language",
                     "\"%s\" is not a language code (like en, de or pt-BR)", text);
    }

  if ((text = require_text (checker, object, "", "last_reviewed")))
    {
      if (is_valid_date (text))
        self->last_reviewed = g_strdup (text);
      else
        add_problem (checker, NH_PROBLEM_ERROR, "last_reviewed",
                     "\"%s\" is not a date written as YYYY-MM-DD", text);
    }

  if (!(node = json_object_get_member (object, "disclaimer")))
    add_problem (checker, NH_PROBLEM_ERROR, "disclaimer", "missing");
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    add_problem (checker, NH_PROBLEM_ERROR, "disclaimer", "must be an object");
  else
    {
      static const char * const disclaimer_known[] = { "text", "facts", NULL };
      JsonObject *disclaimer = json_node_get_object (node);

      check_known_members (checker, disclaimer, "disclaimer", disclaimer_known);
      self->disclaimer = g_strdup (tr (checker, require_text (checker, disclaimer, "disclaimer", "text")));
    }

  check_group_fields (checker, self, object);

  seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(node = json_object_get_member (object, "sections")))
    add_problem (checker, NH_PROBLEM_ERROR, "sections", "missing");
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    add_problem (checker, NH_PROBLEM_ERROR, "sections", "must be a list");
  else
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      if (n == 0)
        add_problem (checker, NH_PROBLEM_ERROR, "sections", "empty");
      else if (n > NH_EDITION_MAX_ITEMS)
        add_problem (checker, NH_PROBLEM_ERROR, "sections",
                     "too many sections (more than %d)", NH_EDITION_MAX_ITEMS);

      for (guint i = 0; i < n && i < NH_EDITION_MAX_ITEMS; i++)
        {
          g_autofree char *path = element_path ("sections", i);
          g_autoptr(NhSection) section = check_section (checker,
                                                        json_array_get_element (array, i),
                                                        path, seen_ids);

          if (section != NULL)
            g_list_store_append (self->sections, section);
        }
    }

  check_checklist (checker, self, object);
  check_card (checker, self, object);
  memcpy (self->block_states, checker->block_states, sizeof self->block_states);

  if (checker->catalog != NULL)
    self->catalog = g_object_ref (checker->catalog);

  check_interface (checker, self, object);

  /* Shown in the reader's language: say so, and say how far the medical
   * text of that translation has been checked. */
  if (checker->catalog != NULL && self->language != NULL &&
      !g_str_equal (nh_catalog_get_language (checker->catalog), self->language))
    {
      g_free (self->language);
      self->language = g_strdup (nh_catalog_get_language (checker->catalog));
      self->translation_note = g_strdup (nh_catalog_pgettext (checker->catalog, "translation-review",
                                                              NC_("translation-review",
                                                                  "The medical text in this language has "
                                                                  "not yet been checked by a medical translator.")));
    }

  if (checker->n_errors > 0)
    return NULL;

  return g_steal_pointer (&self);
}

static void
contact_free (NhEditionContact *contact)
{
  g_free (contact->kind);
  g_free (contact->name);
  g_free (contact->phone);
  g_free (contact->website);
  g_free (contact->note);
  g_free (contact);
}

static void
nh_edition_finalize (GObject *object)
{
  NhEdition *self = (NhEdition *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->last_reviewed, g_free);
  g_clear_pointer (&self->source_credit, g_free);
  g_clear_pointer (&self->disclaimer, g_free);
  g_clear_object (&self->sections);
  g_clear_pointer (&self->checklist_title, g_free);
  g_clear_pointer (&self->checklist_search_words, g_strfreev);
  g_clear_pointer (&self->checklist_intro, g_free);
  g_clear_pointer (&self->checklist_tiers, g_ptr_array_unref);
  g_clear_pointer (&self->translation_note, g_free);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->publisher_website, g_free);
  g_clear_pointer (&self->publisher_contact, g_free);
  g_clear_pointer (&self->reviewed_by, g_free);
  g_clear_pointer (&self->reviewed_on, g_free);
  g_clear_pointer (&self->based_on, g_free);
  g_clear_pointer (&self->based_on_title, g_free);
  g_clear_pointer (&self->based_on_language, g_free);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->card_title, g_free);
  g_clear_pointer (&self->card_diagnosis, g_free);
  g_clear_pointer (&self->card_instructions, g_strfreev);

  G_OBJECT_CLASS (nh_edition_parent_class)->finalize (object);
}

static void
nh_edition_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NhEdition *self = NH_EDITION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;

    case PROP_LAST_REVIEWED:
      g_value_set_string (value, self->last_reviewed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_edition_class_init (NhEditionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_edition_finalize;
  object_class->get_property = nh_edition_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST_REVIEWED] =
    g_param_spec_string ("last-reviewed", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_edition_init (NhEdition *self)
{
  self->sections = g_list_store_new (NH_TYPE_SECTION);
  self->checklist_tiers = g_ptr_array_new_with_free_func (g_object_unref);
  self->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify)contact_free);
}

/**
 * nh_edition_check_bytes:
 * @bytes: the document
 * @edition: (out) (optional): the edition, when it has no error
 *
 * Checks a document and collects every problem, errors and warnings, in
 * document order.
 *
 * Returns: (transfer full): an array of NhEditionProblem, empty when clean
 */
GPtrArray *
nh_edition_check_bytes (GBytes     *bytes,
                        NhEdition **edition)
{
  return nh_edition_check_bytes_translated (bytes, NULL, edition);
}

/**
 * nh_edition_check_bytes_translated:
 * @catalog: (nullable): the reader's language
 *
 * Like nh_edition_check_bytes(), with every text translated through
 * @catalog in the context build-aux/edition-pot gives it.
 */
GPtrArray *
nh_edition_check_bytes_translated (GBytes     *bytes,
                                   NhCatalog  *catalog,
                                   NhEdition **edition)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) guard_error = NULL;
  g_autoptr(NhEdition) result = NULL;
  Checker checker = { 0 };
  NhJsonGuardPlace place;
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  checker.problems = g_ptr_array_new_with_free_func ((GDestroyNotify)nh_edition_problem_free);
  checker.catalog = catalog;
  checker.context = "edition";
  data = g_bytes_get_data (bytes, &len);

  /* Size, UTF-8, nesting, emptiness, syntax: see nh-json-guard.h. */
  if (!(root = nh_json_guard_parse (data, len, NH_EDITION_MAX_BYTES, NH_EDITION_MAX_DEPTH,
                                    &place, &guard_error)))
    {
      NhEditionProblem *problem;

      add_problem (&checker, NH_PROBLEM_ERROR, "", "%s", guard_error->message);
      problem = g_ptr_array_index (checker.problems, checker.problems->len - 1);
      problem->line = place.line;
      problem->column = place.column;

      /* Curly quotes, a missing or a trailing comma: said as such, where
       * the mistake is rather than where the parser stopped. */
      {
        g_autofree char *hint = NULL;
        int line, column;

        if (data != NULL && len > 0 && nh_json_hint_syntax (data, len, &hint, &line, &column))
          {
            g_free (problem->message);
            problem->message = g_strdup_printf ("syntax error: %s", hint);
            problem->line = line;
            problem->column = column;
          }
      }
      goto out;
    }

  result = check_document (&checker, root);

  /* Say where in the file each problem is, for people editing it by hand. */
  if (checker.problems->len > 0)
    {
      g_autoptr(NhJsonPositions) positions = NULL;
      g_autoptr(GPtrArray) paths = g_ptr_array_new ();

      /* Only the paths asked for: recording every value of a large
       * document cost far more than checking it. */
      for (guint i = 0; i < checker.problems->len; i++)
        g_ptr_array_add (paths, ((NhEditionProblem *)g_ptr_array_index (checker.problems, i))->path);
      positions = nh_json_positions_new_for_paths (data, len, (const char * const *)paths->pdata,
                                                   paths->len);

      for (guint i = 0; i < checker.problems->len; i++)
        {
          NhEditionProblem *problem = g_ptr_array_index (checker.problems, i);

          if (problem->line == 0)
            nh_json_positions_lookup (positions, problem->path, &problem->line, &problem->column);
        }
    }

out:
  if (edition != NULL)
    *edition = g_steal_pointer (&result);

  return checker.problems;
}

/**
 * nh_edition_new_from_bytes:
 *
 * Loads and validates an edition. Warnings are ignored; any error fails the
 * whole load, with every error in the message, one per line, each starting
 * with its JSON path.
 */
NhEdition *
nh_edition_new_from_bytes (GBytes  *bytes,
                           GError **error)
{
  return nh_edition_new_from_bytes_translated (bytes, NULL, error);
}

NhEdition *
nh_edition_new_from_bytes_translated (GBytes     *bytes,
                                      NhCatalog  *catalog,
                                      GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) message = NULL;
  g_autoptr(NhEdition) edition = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = nh_edition_check_bytes_translated (bytes, catalog, &edition);

  if (edition != NULL)
    return g_steal_pointer (&edition);

  message = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != NH_PROBLEM_ERROR)
        continue;

      if (message->len > 0)
        g_string_append_c (message, '\n');

      if (*problem->path)
        g_string_append_printf (message, "%s: %s", problem->path, problem->message);
      else if (problem->line > 0)
        g_string_append_printf (message, "line %d: %s", problem->line, problem->message);
      else
        g_string_append (message, problem->message);
    }

  g_set_error_literal (error, NH_EDITION_ERROR, NH_EDITION_ERROR_INVALID, message->str);

  return NULL;
}

NhEdition *
nh_edition_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Refuse a huge file before reading all of it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > NH_EDITION_MAX_BYTES)
    {
      g_set_error (error, NH_EDITION_ERROR, NH_EDITION_ERROR_INVALID,
                   "the document is too large (%" G_GOFFSET_FORMAT " bytes; at most %d MiB)",
                   g_file_info_get_size (info), NH_EDITION_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &local_error)))
    {
      g_set_error_literal (error, NH_EDITION_ERROR, NH_EDITION_ERROR_READ,
                           local_error->message);
      return NULL;
    }

  return nh_edition_new_from_bytes (bytes, error);
}

NhEdition *
nh_edition_new_builtin (GError **error)
{
  return nh_edition_new_builtin_translated (NULL, error);
}

/* The built-in edition in the language of @catalog (NULL: English). */
NhEdition *
nh_edition_new_builtin_translated (NhCatalog  *catalog,
                                   GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/edition/en.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return nh_edition_new_from_bytes_translated (bytes, catalog, error);
}

/* Returns: (nullable): for a translated edition, how far its medical text
 * has been checked; NULL for the original */
const char *
nh_edition_get_translation_note (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->translation_note;
}

const char *
nh_edition_get_id (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->id;
}

const char *
nh_edition_get_title (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->title;
}

const char *
nh_edition_get_language (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->language;
}

const char *
nh_edition_get_version (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->version;
}

/* YYYY-MM-DD, checked to be a real date. */
const char *
nh_edition_get_last_reviewed (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->last_reviewed;
}

const char *
nh_edition_get_source_credit (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->source_credit;
}

/* Paragraphs separated by an empty line. */
const char *
nh_edition_get_disclaimer (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->disclaimer;
}

/* Returns: (transfer none): a list of NhSection, in reading order */
GListModel *
nh_edition_get_sections (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return G_LIST_MODEL (self->sections);
}

guint
nh_edition_get_n_sections (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sections));
}

/* Returns: (transfer none) */
NhSection *
nh_edition_get_section (NhEdition *self,
                        guint      position)
{
  g_autoptr(NhSection) section = NULL;

  g_return_val_if_fail (NH_IS_EDITION (self), NULL);

  section = g_list_model_get_item (G_LIST_MODEL (self->sections), position);

  return section; /* the store keeps its own reference */
}

/* Returns: (transfer none) (nullable) */
NhSection *
nh_edition_find_section (NhEdition  *self,
                         const char *id,
                         guint      *position)
{
  guint n;

  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));

  for (guint i = 0; i < n; i++)
    {
      NhSection *section = nh_edition_get_section (self, i);

      if (g_strcmp0 (nh_section_get_id (section), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return section;
        }
    }

  return NULL;
}

const char *
nh_edition_get_checklist_title (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->checklist_title;
}

/* Returns: (transfer none) (nullable): the extra words search finds the
 *   checklist by */
const char * const *
nh_edition_get_checklist_search_words (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return (const char * const *)self->checklist_search_words;
}

const char *
nh_edition_get_checklist_intro (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->checklist_intro;
}

guint
nh_edition_get_n_checklist_tiers (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), 0);
  return self->checklist_tiers->len;
}

/* Returns: (transfer none) */
NhChecklistTier *
nh_edition_get_checklist_tier (NhEdition *self,
                               guint      position)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  g_return_val_if_fail (position < self->checklist_tiers->len, NULL);
  return g_ptr_array_index (self->checklist_tiers, position);
}

/* The text of a checklist item, or NULL when this edition has no such id. */
const char *
nh_edition_find_checklist_item (NhEdition  *self,
                                const char *item_id)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint t = 0; t < self->checklist_tiers->len; t++)
    {
      NhChecklistTier *tier = g_ptr_array_index (self->checklist_tiers, t);

      for (guint i = 0; i < nh_checklist_tier_get_n_items (tier); i++)
        if (g_str_equal (nh_checklist_tier_get_item_id (tier, i), item_id))
          return nh_checklist_tier_get_item_text (tier, i);
    }

  return NULL;
}

const char *
nh_edition_get_card_title (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->card_title;
}

const char *
nh_edition_get_card_diagnosis_default (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->card_diagnosis;
}

/* The standing instructions for staff, printed on the back of the card. */
const char * const *
nh_edition_get_card_instructions (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return (const char * const *)self->card_instructions;
}

/* The catalogue of the edition's language, for its printouts' labels. */
static NhCatalog *
ensure_catalog (NhEdition *self)
{
  if (self->catalog == NULL)
    self->catalog = nh_catalog_new (self->language ? self->language : "en");

  return self->catalog;
}

/**
 * nh_edition_gettext:
 *
 * Translates a label of a printout (marked with N_()) into the language of
 * this edition, which may differ from the desktop's: a clinic prints an
 * Arabic checklist from an English desktop.
 */
const char *
nh_edition_gettext (NhEdition  *self,
                    const char *msgid)
{
  g_return_val_if_fail (NH_IS_EDITION (self), msgid);

  return nh_catalog_gettext (ensure_catalog (self), msgid);
}

/* The months as printed in dates, in the edition's language. */
static const char *month_names[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"),
  NC_("month", "Apr"), NC_("month", "May"), NC_("month", "Jun"),
  NC_("month", "Jul"), NC_("month", "Aug"), NC_("month", "Sep"),
  NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/**
 * nh_edition_format_date:
 * @time: a moment, shown in the local time zone
 * @with_time: also the hour and minute, on a 24-hour clock
 *
 * A date on a printout, in this edition's language whatever the desktop's:
 * "25 Nov 2026 14:05" from an English edition, "25. Nov. 2026 14:05" from a
 * German one. The month is a word, so that nobody abroad reads the day as
 * the month.
 *
 * Returns: (transfer full): the date as text
 */
char *
nh_edition_format_date (NhEdition *self,
                        GDateTime *time,
                        gboolean   with_time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  const char *month;

  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  month = nh_catalog_pgettext (ensure_catalog (self), "month",
                               month_names[g_date_time_get_month (local) - 1]);
  /* Translators: a date on a printout: %1$d is the day, %2$s the month
   * (translated above, context "month"), %3$d the year */
  date = g_strdup_printf (nh_edition_gettext (self, N_("%1$d %2$s %3$d")),
                          g_date_time_get_day_of_month (local), month,
                          g_date_time_get_year (local));

  if (!with_time)
    return g_steal_pointer (&date);

  return g_strdup_printf ("%s %02d:%02d", date,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

/* Right to left: printouts mirror. */
gboolean
nh_edition_is_rtl (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), FALSE);

  return self->language != NULL && nh_catalog_language_is_rtl (self->language);
}

/* Returns: (nullable): the support group that made this edition; NULL for
 * the built-in one */
const char *
nh_edition_get_publisher (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->publisher;
}

const char *
nh_edition_get_publisher_website (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->publisher_website;
}

const char *
nh_edition_get_publisher_contact (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->publisher_contact;
}

const char *
nh_edition_get_reviewed_by (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->reviewed_by;
}

const char *
nh_edition_get_reviewed_on (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->reviewed_on;
}

/* "nemo-handbook-en 1.0": the edition this one adapts, or NULL */
const char *
nh_edition_get_based_on (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->based_on;
}

guint
nh_edition_get_n_contacts (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), 0);
  return self->contacts->len;
}

/* Local numbers a group adds: helpline, emergency number, centres. */
const NhEditionContact *
nh_edition_get_contact (NhEdition *self,
                        guint      position)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  g_return_val_if_fail (position < self->contacts->len, NULL);
  return g_ptr_array_index (self->contacts, position);
}

/**
 * nh_edition_dup_stamp:
 *
 * One line that says whose text this is, for every page and printout, so a
 * group's edition is never taken for the built-in one, nor the built-in one
 * for IDF's own text.
 */
char *
nh_edition_dup_stamp (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);

  if (self->publisher == NULL)
    return g_strdup_printf (nh_edition_gettext (self, N_("Built-in edition %s, last reviewed %s; "
                                                         "written for this app, not IDF's own text")),
                            self->version, self->last_reviewed);

  if (self->reviewed_by != NULL && self->reviewed_on != NULL)
    return g_strdup_printf (nh_edition_gettext (self, N_("Edition by %s, version %s; reviewed by %s on %s")),
                            self->publisher, self->version, self->reviewed_by, self->reviewed_on);

  return g_strdup_printf (nh_edition_gettext (self, N_("Edition by %s, version %s; not reviewed")),
                          self->publisher, self->version);
}

/* Returns: the title of the edition this one was made from, or NULL */
const char *
nh_edition_get_based_on_title (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->based_on_title;
}

/**
 * nh_edition_get_interface_catalog:
 *
 * Returns: (transfer none) (nullable): the group's own translation of the
 *   app's interface, with the base language behind it, or NULL when the
 *   edition carries none
 */
NhCatalog *
nh_edition_get_interface_catalog (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), NULL);
  return self->has_interface ? self->catalog : NULL;
}

/* Returns: how many interface strings the edition translates */
guint
nh_edition_get_n_interface_strings (NhEdition *self)
{
  g_return_val_if_fail (NH_IS_EDITION (self), 0);
  return self->n_interface;
}

/**
 * nh_edition_count_blocks_in_state:
 * @state: "translated", "needs-review", "reviewed" or "untranslated"
 *
 * Returns: how many blocks of a group's translation are in @state
 */
guint
nh_edition_count_blocks_in_state (NhEdition  *self,
                                  const char *state)
{
  g_return_val_if_fail (NH_IS_EDITION (self), 0);

  for (guint i = 0; translation_states[i]; i++)
    if (g_strcmp0 (state, translation_states[i]) == 0)
      return self->block_states[i];

  return 0;
}
