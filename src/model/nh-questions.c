/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions.c: questions to ask at the next visit, with their answers
 *
 * The family's own list, kept in the private store as questions.json:
 *
 *   { "format": 1, "questions": [
 *       { "text": "Does he need Ig before the school trip?",
 *         "quote": "Ig is antibodies given as a medicine…",
 *         "section": "treatment", "block": 1,
 *         "answered": true, "answer": "Yes, the week before." } ] }
 *
 * In the order the family puts them. A question may quote a sentence of
 * the handbook and say where it is; the link is only a help, and a newer
 * edition without that place changes nothing. A file that cannot be read
 * is moved aside (nh_store_quarantine()) and the list starts empty.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "nh-json-guard.h"
#include "nh-questions.h"

struct _NhQuestions
{
  GObject    parent_instance;
  NhStore   *store;
  GPtrArray *questions;   /* of NhQuestion */
};

G_DEFINE_FINAL_TYPE (NhQuestions, nh_questions, G_TYPE_OBJECT)

static void
question_free (NhQuestion *question)
{
  g_free (question->text);
  g_free (question->quote);
  g_free (question->section_id);
  g_free (question->answer);
  g_free (question);
}

/* Text as kept: valid UTF-8, trimmed, not endless; line breaks kept. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  char *trimmed = g_strstrip (valid);

  if (g_utf8_strlen (trimmed, -1) > NH_QUESTIONS_MAX_CHARS)
    return g_utf8_substring (trimmed, 0, NH_QUESTIONS_MAX_CHARS);

  return g_strdup (trimmed);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static NhQuestion *
question_new (const char *text,
              const char *quote,
              const char *section_id,
              guint       block)
{
  NhQuestion *question = g_new0 (NhQuestion, 1);

  question->text = clean_text (text);
  question->quote = quote != NULL && *quote != '\0' ? clean_text (quote) : NULL;
  question->section_id = quote != NULL && section_id != NULL ? g_strdup (section_id) : NULL;
  question->block = block;
  question->answer = g_strdup ("");

  return question;
}

static gboolean
load_from_bytes (NhQuestions  *self,
                 GBytes       *bytes,
                 GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *list;
  JsonArray *array;

  /* The one guarded loader: size, emptiness, UTF-8, depth and syntax. */
  if (!(root = nh_json_guard_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NH_QUESTIONS_MAX_BYTES, NH_QUESTIONS_MAX_DEPTH, NULL, error)))
    return FALSE;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(list = json_object_get_member (json_node_get_object (root), "questions")) ||
      !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error_literal (error, NH_STORE_ERROR, NH_STORE_ERROR_IO, "not a questions file");
      return FALSE;
    }

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array) && self->questions->len < NH_QUESTIONS_MAX; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *member;
      NhQuestion *question;
      const char *text;
      guint block = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (!(text = member_string (object, "text")))
        continue;

      member = json_object_get_member (object, "block");
      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_INT64 &&
          json_node_get_int (member) >= 0 && json_node_get_int (member) <= G_MAXUINT16)
        block = (guint)json_node_get_int (member);

      question = question_new (text, member_string (object, "quote"),
                               member_string (object, "section"), block);

      member = json_object_get_member (object, "answered");
      question->answered = member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
                           json_node_get_value_type (member) == G_TYPE_BOOLEAN &&
                           json_node_get_boolean (member);
      g_free (question->answer);
      question->answer = clean_text (member_string (object, "answer"));

      g_ptr_array_add (self->questions, question);
    }

  return TRUE;
}

static void
nh_questions_finalize (GObject *object)
{
  NhQuestions *self = (NhQuestions *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  G_OBJECT_CLASS (nh_questions_parent_class)->finalize (object);
}

static void
nh_questions_class_init (NhQuestionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_questions_finalize;
}

static void
nh_questions_init (NhQuestions *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_free);
}

/**
 * nh_questions_new:
 * @backup_path: (out) (optional): where an unreadable file was moved
 *
 * Returns: (transfer full): the questions saved in @store
 */
NhQuestions *
nh_questions_new (NhStore  *store,
                  char    **backup_path)
{
  g_autoptr(NhQuestions) self = g_object_new (NH_TYPE_QUESTIONS, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  bytes = nh_store_load (store, NH_QUESTIONS_FILE, NH_QUESTIONS_MAX_BYTES, &error);

  if (bytes == NULL && g_error_matches (error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
    return g_steal_pointer (&self);

  if (bytes == NULL || !load_from_bytes (self, bytes, &error))
    {
      g_autofree char *moved = nh_store_quarantine (store, NH_QUESTIONS_FILE, NULL);

      g_ptr_array_set_size (self->questions, 0);
      if (backup_path != NULL)
        *backup_path = g_steal_pointer (&moved);
    }

  return g_steal_pointer (&self);
}

guint
nh_questions_get_n (NhQuestions *self)
{
  g_return_val_if_fail (NH_IS_QUESTIONS (self), 0);
  return self->questions->len;
}

/* Returns: (transfer none) (nullable) */
const NhQuestion *
nh_questions_get (NhQuestions *self,
                  guint        position)
{
  g_return_val_if_fail (NH_IS_QUESTIONS (self), NULL);

  if (position >= self->questions->len)
    return NULL;

  return g_ptr_array_index (self->questions, position);
}

/**
 * nh_questions_add:
 * @quote: (nullable): the handbook's sentence the question is about
 * @section_id: (nullable): where it is
 *
 * Returns: FALSE when the list is full
 */
gboolean
nh_questions_add (NhQuestions *self,
                  const char  *text,
                  const char  *quote,
                  const char  *section_id,
                  guint        block)
{
  g_return_val_if_fail (NH_IS_QUESTIONS (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->questions->len >= NH_QUESTIONS_MAX)
    return FALSE;

  g_ptr_array_add (self->questions, question_new (text, quote, section_id, block));
  return TRUE;
}

void
nh_questions_set_text (NhQuestions *self,
                       guint        position,
                       const char  *text)
{
  NhQuestion *question = (NhQuestion *)nh_questions_get (self, position);

  if (question == NULL)
    return;

  g_free (question->text);
  question->text = clean_text (text);
}

void
nh_questions_set_answer (NhQuestions *self,
                         guint        position,
                         gboolean     answered,
                         const char  *answer)
{
  NhQuestion *question = (NhQuestion *)nh_questions_get (self, position);

  if (question == NULL)
    return;

  question->answered = answered;
  g_free (question->answer);
  question->answer = clean_text (answer);
}

/* Moves the question at @from so that it is at @to. */
void
nh_questions_move (NhQuestions *self,
                   guint        from,
                   guint        to)
{
  gpointer question;

  g_return_if_fail (NH_IS_QUESTIONS (self));

  if (from >= self->questions->len || to >= self->questions->len || from == to)
    return;

  question = g_ptr_array_steal_index (self->questions, from);
  g_ptr_array_insert (self->questions, to, question);
}

void
nh_questions_remove (NhQuestions *self,
                     guint        position)
{
  g_return_if_fail (NH_IS_QUESTIONS (self));

  if (position < self->questions->len)
    g_ptr_array_remove_index (self->questions, position);
}

gboolean
nh_questions_save (NhQuestions  *self,
                   GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NH_IS_QUESTIONS (self), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->questions->len; i++)
    {
      NhQuestion *question = g_ptr_array_index (self->questions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, question->text);
      if (question->quote != NULL)
        {
          json_builder_set_member_name (builder, "quote");
          json_builder_add_string_value (builder, question->quote);
        }
      if (question->section_id != NULL)
        {
          json_builder_set_member_name (builder, "section");
          json_builder_add_string_value (builder, question->section_id);
          json_builder_set_member_name (builder, "block");
          json_builder_add_int_value (builder, question->block);
        }
      json_builder_set_member_name (builder, "answered");
      json_builder_add_boolean_value (builder, question->answered);
      json_builder_set_member_name (builder, "answer");
      json_builder_add_string_value (builder, question->answer);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  return nh_store_save (self->store, NH_QUESTIONS_FILE, data, length, error);
}
