/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-clinic.c: a clinic's own name, 24-hour number and instruction, in its languages
 *
 * The clinic file (*.nemo-clinic.json) is what a nurse sets once and shares
 * with colleagues; the app keeps its copy as clinic.json in its private
 * store. Format 1:
 *
 *   {
 *     "format": 1,
 *     "name": "Example Children's Hospital, Immunology",
 *     "phone": "+44 20 7946 0000",
 *     "instructions": [
 *       { "language": "en", "text": "Call us first, day or night." },
 *       { "language": "de", "text": "Rufen Sie zuerst uns an, Tag und Nacht." }
 *     ]
 *   }
 *
 * "phone" is the clinic's 24-hour number. The first instruction is the
 * clinic's first language: a printout in a language the clinic did not
 * write shows that one, marked with its language's name.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "nh-clinic.h"
#include "nh-json-guard.h"
#include "nh-json-positions.h"

#define CLINIC_FILE "clinic.json"
#define CLINIC_MAX_DEPTH 8
#define CLINIC_MAX_LANGUAGES 50

typedef struct
{
  char *language;
  char *text;
} Instruction;

struct _NhClinic
{
  GObject  parent_instance;

  char    *name;
  char    *phone;
  GArray  *instructions;   /* Instruction */
};

G_DEFINE_FINAL_TYPE (NhClinic, nh_clinic, G_TYPE_OBJECT)

static void
instruction_clear (gpointer data)
{
  Instruction *instruction = data;

  g_clear_pointer (&instruction->language, g_free);
  g_clear_pointer (&instruction->text, g_free);
}

static void
nh_clinic_finalize (GObject *object)
{
  NhClinic *self = (NhClinic *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->instructions, g_array_unref);

  G_OBJECT_CLASS (nh_clinic_parent_class)->finalize (object);
}

static void
nh_clinic_class_init (NhClinicClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_clinic_finalize;
}

static void
nh_clinic_init (NhClinic *self)
{
  self->name = g_strdup ("");
  self->phone = g_strdup ("");
  self->instructions = g_array_new (FALSE, TRUE, sizeof (Instruction));
  g_array_set_clear_func (self->instructions, instruction_clear);
}

/* An empty clinic: no name, number or instruction. */
NhClinic *
nh_clinic_new (void)
{
  return g_object_new (NH_TYPE_CLINIC, NULL);
}

typedef struct
{
  GPtrArray *problems;
  guint      n_errors;
} Checker;

static void add_problem (Checker           *checker,
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

/* "en", "de", "pt-BR", "zh-Hant": a short BCP 47 tag. */
static gboolean
is_language_tag (const char *tag)
{
  guint n = 0;

  for (const char *p = tag; *p && *p != '-'; p++, n++)
    if (!g_ascii_islower (*p))
      return FALSE;

  if (n < 2 || n > 3)
    return FALSE;

  for (const char *p = tag + n; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return strlen (tag) <= 35 && tag[strlen (tag) - 1] != '-';
}

/* Returns: (nullable): the string at @member, checked: NULL when absent
 * or wrong, with a problem added when wrong. */
static const char *
check_string (Checker    *checker,
              JsonObject *object,
              const char *member,
              const char *path,
              guint       max_chars,
              gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL)
    {
      if (required)
        add_problem (checker, NH_PROBLEM_ERROR, path, "“%s” is missing", member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "must be text in quotes");
      return NULL;
    }

  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      add_problem (checker, NH_PROBLEM_ERROR, path, "is too long (at most %u characters)", max_chars);
      return NULL;
    }

  return text;
}

static NhClinic *
check_document (Checker  *checker,
                JsonNode *root)
{
  g_autoptr(NhClinic) clinic = nh_clinic_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *format;
  JsonNode *instructions;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (checker, NH_PROBLEM_ERROR, "", "a clinic file is one { … } object");
      return NULL;
    }

  object = json_node_get_object (root);
  members = json_object_get_members (object);

  for (const GList *l = members; l; l = l->next)
    {
      static const char * const known[] = { "format", "name", "phone", "instructions", NULL };

      if (!g_strv_contains (known, l->data))
        add_problem (checker, NH_PROBLEM_WARNING, l->data,
                     "is not part of a clinic file and is ignored (expected format, name, phone, instructions)");
    }

  format = json_object_get_member (object, "format");
  if (format == NULL)
    add_problem (checker, NH_PROBLEM_ERROR, "", "“format” is missing: write \"format\": 1");
  else if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_INT64 ||
           json_node_get_int (format) != 1)
    add_problem (checker, NH_PROBLEM_ERROR, "format", "must be 1");

  if ((text = check_string (checker, object, "name", "name", NH_CLINIC_MAX_NAME, FALSE)))
    nh_clinic_set_name (clinic, text);
  if ((text = check_string (checker, object, "phone", "phone", NH_CLINIC_MAX_PHONE, FALSE)))
    {
      for (const char *p = text; *p; p++)
        if (!g_ascii_isdigit (*p) && !strchr ("+ -()./", *p))
          {
            add_problem (checker, NH_PROBLEM_ERROR, "phone",
                         "a phone number has only digits, spaces and + - ( ) . /");
            text = NULL;
            break;
          }
      if (text != NULL)
        nh_clinic_set_phone (clinic, text);
    }

  instructions = json_object_get_member (object, "instructions");
  if (instructions != NULL && !JSON_NODE_HOLDS_ARRAY (instructions))
    add_problem (checker, NH_PROBLEM_ERROR, "instructions",
                 "must be a list: [ { \"language\": \"en\", \"text\": \"…\" } ]");
  else if (instructions != NULL)
    {
      JsonArray *array = json_node_get_array (instructions);
      guint n = json_array_get_length (array);

      if (n > CLINIC_MAX_LANGUAGES)
        add_problem (checker, NH_PROBLEM_ERROR, "instructions", "has more than %u languages", CLINIC_MAX_LANGUAGES);

      for (guint i = 0; i < MIN (n, CLINIC_MAX_LANGUAGES); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *path = g_strdup_printf ("instructions[%u]", i);
          g_autofree char *language_path = g_strdup_printf ("instructions[%u].language", i);
          g_autofree char *text_path = g_strdup_printf ("instructions[%u].text", i);
          const char *language;
          const char *instruction;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              add_problem (checker, NH_PROBLEM_ERROR, path,
                           "must be { \"language\": \"en\", \"text\": \"…\" }");
              continue;
            }

          language = check_string (checker, json_node_get_object (element), "language",
                                   language_path, 35, TRUE);
          instruction = check_string (checker, json_node_get_object (element), "text",
                                      text_path, NH_CLINIC_MAX_INSTRUCTION, TRUE);

          if (language != NULL && !is_language_tag (language))
            {
              add_problem (checker, NH_PROBLEM_ERROR, language_path,
                           "“%s” is not a language code such as en, de or pt-BR", language);
              language = NULL;
            }
          else if (language != NULL)
            for (guint j = 0; j < clinic->instructions->len; j++)
              if (g_str_equal (g_array_index (clinic->instructions, Instruction, j).language, language))
                {
                  add_problem (checker, NH_PROBLEM_ERROR, language_path,
                               "“%s” is given twice; keep one instruction per language", language);
                  language = NULL;
                  break;
                }

          if (instruction != NULL)
            {
              g_autofree char *stripped = g_strstrip (g_strdup (instruction));

              if (*stripped == '\0')
                {
                  add_problem (checker, NH_PROBLEM_ERROR, text_path, "is empty: write the instruction, or leave out this language");
                  instruction = NULL;
                }
            }

          if (language != NULL && instruction != NULL)
            nh_clinic_set_instruction (clinic, language, instruction);
        }
    }

  if (checker->n_errors == 0 && nh_clinic_is_empty (clinic))
    add_problem (checker, NH_PROBLEM_WARNING, "", "has no name, number or instruction: nothing will be printed");

  return checker->n_errors == 0 ? g_steal_pointer (&clinic) : NULL;
}

/**
 * nh_clinic_check_bytes:
 * @clinic: (out) (optional) (nullable): the clinic, when there is no error
 *
 * Checks a clinic file as nh_edition_check_bytes() checks an edition.
 *
 * Returns: (transfer full) (element-type NhEditionProblem): every problem,
 *   with its line and column where known
 */
GPtrArray *
nh_clinic_check_bytes (GBytes    *bytes,
                       NhClinic **clinic)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) guard_error = NULL;
  g_autoptr(NhClinic) result = NULL;
  NhJsonGuardPlace place;
  Checker checker = { 0 };
  const char *data;
  gsize len;

  g_return_val_if_fail (bytes != NULL, NULL);

  checker.problems = g_ptr_array_new_with_free_func ((GDestroyNotify)nh_edition_problem_free);
  data = g_bytes_get_data (bytes, &len);

  /* The one guarded loader: size, emptiness, UTF-8, depth and syntax,
   * with the line and column of the problem. */
  if (!(root = nh_json_guard_parse (data, len, NH_CLINIC_MAX_BYTES, CLINIC_MAX_DEPTH, &place, &guard_error)))
    {
      NhEditionProblem *problem;

      add_problem (&checker, NH_PROBLEM_ERROR, "", "%s", guard_error->message);
      problem = g_ptr_array_index (checker.problems, 0);
      problem->line = place.line;
      problem->column = place.column;
      goto out;
    }

  result = check_document (&checker, root);

  if (checker.problems->len > 0)
    {
      g_autoptr(NhJsonPositions) positions = nh_json_positions_new (data, len);

      for (guint i = 0; i < checker.problems->len; i++)
        {
          NhEditionProblem *problem = g_ptr_array_index (checker.problems, i);

          if (problem->line == 0)
            nh_json_positions_lookup (positions, problem->path, &problem->line, &problem->column);
        }
    }

out:
  if (clinic != NULL)
    *clinic = g_steal_pointer (&result);

  return checker.problems;
}

/* Every error, one per line, each with its JSON path. */
static void
set_error_from_problems (GPtrArray  *problems,
                         GError    **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const NhEditionProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != NH_PROBLEM_ERROR)
        continue;
      if (message->len > 0)
        g_string_append_c (message, '\n');
      if (problem->line > 0)
        g_string_append_printf (message, "%d:%d: ", problem->line, problem->column);
      if (*problem->path)
        g_string_append_printf (message, "%s: ", problem->path);
      g_string_append (message, problem->message);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message->str);
}

/* Returns: (transfer full) (nullable): the clinic, or NULL with every
 * error in @error */
NhClinic *
nh_clinic_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  NhClinic *clinic = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  problems = nh_clinic_check_bytes (bytes, &clinic);
  if (clinic == NULL)
    set_error_from_problems (problems, error);

  return clinic;
}

/* Reads a clinic file someone gave: at most NH_CLINIC_MAX_BYTES. */
NhClinic *
nh_clinic_new_from_file (GFile   *file,
                         GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(stream = g_file_read (file, NULL, error)))
    return NULL;

  /* One byte more than allowed, to tell a file that is too large. */
  if (!(bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), NH_CLINIC_MAX_BYTES + 1, NULL, error)))
    return NULL;

  return nh_clinic_new_from_bytes (bytes, error);
}

/* The clinic the app keeps; an empty one when none was saved yet. */
NhClinic *
nh_clinic_load (NhStore  *store,
                GError  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  if (!(bytes = nh_store_load (store, CLINIC_FILE, NH_CLINIC_MAX_BYTES, &local_error)))
    {
      if (g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
        return nh_clinic_new ();
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return nh_clinic_new_from_bytes (bytes, error);
}

gboolean
nh_clinic_save (NhClinic  *self,
                NhStore   *store,
                GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NH_IS_CLINIC (self), FALSE);
  g_return_val_if_fail (NH_IS_STORE (store), FALSE);

  bytes = nh_clinic_to_bytes (self);

  return nh_store_save (store, CLINIC_FILE, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

/* The clinic file, as written by --export-clinic-template and Export. */
GBytes *
nh_clinic_to_bytes (NhClinic *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (NH_IS_CLINIC (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, self->phone);
  json_builder_set_member_name (builder, "instructions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->instructions->len; i++)
    {
      const Instruction *instruction = &g_array_index (self->instructions, Instruction, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, instruction->language);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, instruction->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  /* A file ends with a new line. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}

gboolean
nh_clinic_is_empty (NhClinic *self)
{
  g_return_val_if_fail (NH_IS_CLINIC (self), TRUE);

  return *self->name == '\0' && *self->phone == '\0' && self->instructions->len == 0;
}

const char *
nh_clinic_get_name (NhClinic *self)
{
  g_return_val_if_fail (NH_IS_CLINIC (self), "");

  return self->name;
}

/* The clinic's 24-hour number, as written. */
const char *
nh_clinic_get_phone (NhClinic *self)
{
  g_return_val_if_fail (NH_IS_CLINIC (self), "");

  return self->phone;
}

void
nh_clinic_set_name (NhClinic   *self,
                    const char *name)
{
  g_return_if_fail (NH_IS_CLINIC (self));

  g_free (self->name);
  self->name = g_strstrip (g_strdup (name ? name : ""));
}

void
nh_clinic_set_phone (NhClinic   *self,
                     const char *phone)
{
  g_return_if_fail (NH_IS_CLINIC (self));

  g_free (self->phone);
  self->phone = g_strstrip (g_strdup (phone ? phone : ""));
}

guint
nh_clinic_get_n_instructions (NhClinic *self)
{
  g_return_val_if_fail (NH_IS_CLINIC (self), 0);

  return self->instructions->len;
}

const char *
nh_clinic_get_instruction_language (NhClinic *self,
                                    guint     i)
{
  g_return_val_if_fail (NH_IS_CLINIC (self), NULL);
  g_return_val_if_fail (i < self->instructions->len, NULL);

  return g_array_index (self->instructions, Instruction, i).language;
}

const char *
nh_clinic_get_instruction_text (NhClinic *self,
                                guint     i)
{
  g_return_val_if_fail (NH_IS_CLINIC (self), NULL);
  g_return_val_if_fail (i < self->instructions->len, NULL);

  return g_array_index (self->instructions, Instruction, i).text;
}

/**
 * nh_clinic_set_instruction:
 * @text: (nullable): NULL or only spaces: the language's instruction goes
 *
 * Sets the instruction in @language, in its place; a new language comes
 * last.
 */
void
nh_clinic_set_instruction (NhClinic   *self,
                           const char *language,
                           const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  Instruction added;

  g_return_if_fail (NH_IS_CLINIC (self));
  g_return_if_fail (language != NULL);

  for (guint i = 0; i < self->instructions->len; i++)
    {
      Instruction *instruction = &g_array_index (self->instructions, Instruction, i);

      if (g_str_equal (instruction->language, language))
        {
          if (*stripped == '\0')
            g_array_remove_index (self->instructions, i);
          else
            {
              g_free (instruction->text);
              instruction->text = g_steal_pointer (&stripped);
            }
          return;
        }
    }

  if (*stripped == '\0')
    return;

  added.language = g_strdup (language);
  added.text = g_steal_pointer (&stripped);
  g_array_append_val (self->instructions, added);
}

/**
 * nh_clinic_lookup_instruction:
 * @written_in: (out) (optional): the language of the instruction returned
 *
 * The instruction in @language (or its main language: "pt" for "pt-BR"),
 * else in the clinic's first language, never silently another.
 *
 * Returns: (nullable): the instruction, or NULL when the clinic wrote none
 */
const char *
nh_clinic_lookup_instruction (NhClinic    *self,
                              const char  *language,
                              const char **written_in)
{
  g_autofree char *main_language = NULL;
  const Instruction *found = NULL;

  g_return_val_if_fail (NH_IS_CLINIC (self), NULL);

  if (written_in != NULL)
    *written_in = NULL;
  if (self->instructions->len == 0)
    return NULL;

  main_language = g_strdup (language ? language : "");
  if (strchr (main_language, '-'))
    *strchr (main_language, '-') = '\0';

  for (guint i = 0; i < self->instructions->len && found == NULL; i++)
    if (g_strcmp0 (g_array_index (self->instructions, Instruction, i).language, language) == 0)
      found = &g_array_index (self->instructions, Instruction, i);

  for (guint i = 0; i < self->instructions->len && found == NULL; i++)
    if (g_str_equal (g_array_index (self->instructions, Instruction, i).language, main_language))
      found = &g_array_index (self->instructions, Instruction, i);

  if (found == NULL)
    found = &g_array_index (self->instructions, Instruction, 0);

  if (written_in != NULL)
    *written_in = found->language;

  return found->text;
}

/* A language in its own words, as its readers know it: "Deutsch".
 * Returns @language itself for one not in the list. */
const char *
nh_clinic_language_name (const char *language)
{
  static const struct {
    const char *code;
    const char *name;
  } names[] = {
    { "ar", "العربية" }, { "bg", "Български" }, { "cs", "Čeština" }, { "da", "Dansk" },
    { "de", "Deutsch" }, { "el", "Ελληνικά" }, { "en", "English" }, { "es", "Español" },
    { "fa", "فارسی" }, { "fi", "Suomi" }, { "fr", "Français" }, { "he", "עברית" },
    { "hi", "हिन्दी" }, { "hu", "Magyar" }, { "it", "Italiano" }, { "ja", "日本語" },
    { "ko", "한국어" }, { "nl", "Nederlands" }, { "no", "Norsk" }, { "pl", "Polski" },
    { "pt", "Português" }, { "ro", "Română" }, { "ru", "Русский" }, { "sv", "Svenska" },
    { "tr", "Türkçe" }, { "uk", "Українська" }, { "ur", "اردو" }, { "zh", "中文" },
  };
  g_autofree char *main_language = NULL;

  g_return_val_if_fail (language != NULL, NULL);

  main_language = g_strdup (language);
  if (strchr (main_language, '-'))
    *strchr (main_language, '-') = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].code, main_language))
      return names[i].name;

  return language;
}
