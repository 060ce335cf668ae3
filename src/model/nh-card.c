/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card.c: the child's emergency card: fields, validation, storage
 *
 * Everything the family types is kept as typed, valid or not, and saved a
 * moment after each change to card.json through NhStore. Checking a value
 * only reports, in plain words; it never changes or drops what was typed.
 *
 * card.json:
 *   { "format": 1, "revision": 3, "updated": "2026-01-12",
 *     "fields": { "child_name": "…", … },
 *     "print": { "paper": "id1", "qr": false } }
 *
 * The revision goes up once for each session in which the card is changed,
 * so two printed cards can be told apart; "updated" is the day of the last
 * change.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "nh-card.h"
#include "nh-catalog.h"
#include "nh-json-guard.h"

struct _NhCard
{
  GObject      parent_instance;

  NhStore     *store;         /* NULL: a copy that is never saved */
  GHashTable  *values;        /* id -> text as typed; unknown ids from newer files kept */
  guint        revision;
  char        *updated;       /* YYYY-MM-DD, or NULL */
  gboolean     show_qr;
  char        *paper;
  GStrv        lock_sections; /* shown on the lock-screen image; NULL: the default */

  gboolean     dirty;
  gboolean     touched;       /* the revision was raised in this session */
  gboolean     no_save;       /* the saved file could not be read or moved aside */
  guint        save_source;
  char        *backup_path;
  GError      *load_error;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_REVISION,
  PROP_UPDATED,
  PROP_SHOW_QR,
  PROP_PAPER,
  N_PROPS
};

enum {
  CHANGED,
  SAVE_FAILED,
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (NhCard, nh_card, G_TYPE_OBJECT)
G_DEFINE_QUARK (nh-card-error-quark, nh_card_error)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define DEFAULT_PAPER "id1"

/* What a lock screen, seen by strangers, shows until the family chooses:
 * who the child is, the diagnosis, who to call and the allergies. */
static const char * const default_lock_sections[] = { "child", "diagnosis", "call", "allergies", NULL };

static const char * const paper_ids[] = { "id1", "a6", "a4", "letter", NULL };

/* Phone numbers: at least an emergency number's digits, at most an
 * international number with its prefix. */
#define PHONE_MIN_DIGITS      3
#define PHONE_MAX_DIGITS      18
#define PHONE_MAX_EXT_DIGITS  6

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
all_digits (const char *s,
            gsize       min,
            gsize       max)
{
  gsize n = strlen (s);

  if (n < min || n > max)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

typedef enum
{
  DATE_OK,
  DATE_BAD_FORMAT,
  DATE_NOT_REAL,
} DateParse;

static DateParse
parse_date (const char *text,
            GDate      *date)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = g_strsplit (copy, "-", -1);
  guint year, month, day;

  if (g_strv_length (parts) != 3 ||
      !all_digits (parts[0], 4, 4) ||
      !all_digits (parts[1], 1, 2) ||
      !all_digits (parts[2], 1, 2))
    return DATE_BAD_FORMAT;

  year = atoi (parts[0]);
  month = atoi (parts[1]);
  day = atoi (parts[2]);

  if (month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return DATE_NOT_REAL;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return DATE_OK;
}

static NhCardCheck
check_date (const char *value,
            GDate      *today)
{
  GDate date, now;

  switch (parse_date (value, &date))
    {
    case DATE_BAD_FORMAT:
      return NH_CARD_CHECK_DATE_FORMAT;
    case DATE_NOT_REAL:
      return NH_CARD_CHECK_DATE_NOT_REAL;
    case DATE_OK:
    default:
      break;
    }

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }

  if (g_date_compare (&date, today) > 0)
    return NH_CARD_CHECK_DATE_FUTURE;
  if (g_date_get_year (&date) < 1900)
    return NH_CARD_CHECK_DATE_TOO_OLD;

  return NH_CARD_CHECK_OK;
}

/* "+44 (0)20 7405-9200 ext. 1234": digits, spaces, + ( ) - . and a short
 * extension after "ext", "x" or "#". */
static NhCardCheck
check_phone (const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));
  const char *extension = NULL;
  guint digits = 0;
  gboolean seen_other = FALSE;

  for (const char *p = copy; *p; p++)
    if (g_ascii_isalpha (*p) || *p == '#')
      {
        extension = p;
        break;
      }

  if (extension != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (extension, -1);
      const char *p = lower;
      static const char * const markers[] = { "extension", "ext.", "ext", "x", "#" };
      gboolean marked = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
        if (g_str_has_prefix (p, markers[i]))
          {
            p += strlen (markers[i]);
            marked = TRUE;
            break;
          }

      if (!marked)
        return NH_CARD_CHECK_PHONE_CHARACTERS;

      while (*p == ' ' || *p == ':')
        p++;
      if (!all_digits (p, 1, PHONE_MAX_EXT_DIGITS))
        return NH_CARD_CHECK_PHONE_EXTENSION;

      copy[extension - copy] = '\0';
    }

  for (const char *p = copy; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits++;
          seen_other = TRUE;
        }
      else if (*p == '+')
        {
          if (seen_other)
            return NH_CARD_CHECK_PHONE_PLUS;
          seen_other = TRUE;
        }
      else if (*p == '(' || *p == ')' || *p == '-' || *p == '.')
        seen_other = TRUE;
      else if (*p != ' ')
        return NH_CARD_CHECK_PHONE_CHARACTERS;
    }

  if (digits < PHONE_MIN_DIGITS)
    return NH_CARD_CHECK_PHONE_TOO_SHORT;
  if (digits > PHONE_MAX_DIGITS)
    return NH_CARD_CHECK_PHONE_TOO_LONG;

  return NH_CARD_CHECK_OK;
}

static char *
check_message (const NhCardField *field,
               NhCardCheck        check,
               guint              length)
{
  switch (check)
    {
    case NH_CARD_CHECK_OK:
      return NULL;
    case NH_CARD_CHECK_REQUIRED:
      return g_strdup (_("The card needs the child’s name."));
    case NH_CARD_CHECK_TOO_LONG:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This is %u character long; the card has room for %u. Please shorten it.",
                                           "This is %u characters long; the card has room for %u. Please shorten it.",
                                           length),
                              length, field->max_chars);
    case NH_CARD_CHECK_DATE_FORMAT:
      return g_strdup (_("Write the date as year-month-day, for example 2019-03-25."));
    case NH_CARD_CHECK_DATE_NOT_REAL:
      return g_strdup (_("There is no such date. Check the day and the month."));
    case NH_CARD_CHECK_DATE_FUTURE:
      return g_strdup (_("This date is in the future."));
    case NH_CARD_CHECK_DATE_TOO_OLD:
      return g_strdup (_("Check the year: this date is before 1900."));
    case NH_CARD_CHECK_PHONE_CHARACTERS:
      return g_strdup (_("A phone number can only have digits, spaces and + ( ) - . in it, "
                         "and an extension such as “ext. 12”."));
    case NH_CARD_CHECK_PHONE_PLUS:
      return g_strdup (_("Put the + only at the start of the number."));
    case NH_CARD_CHECK_PHONE_TOO_SHORT:
      return g_strdup (_("This is too short for a phone number."));
    case NH_CARD_CHECK_PHONE_TOO_LONG:
      return g_strdup (_("This has too many digits for one phone number."));
    case NH_CARD_CHECK_PHONE_EXTENSION:
      return g_strdup (_("Write an extension as “ext. 123”, with at most 6 digits."));
    default:
      g_assert_not_reached ();
    }
}

static const char *
value_or_empty (NhCard     *self,
                const char *id)
{
  const char *value = g_hash_table_lookup (self->values, id);

  return value ? value : "";
}

/* A copy with surrounding spaces removed; NULL when nothing is left. */
static char *
dup_stripped (NhCard     *self,
              const char *id)
{
  char *value = g_strstrip (g_strdup (value_or_empty (self, id)));

  if (*value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/**
 * nh_card_dup_phone_display:
 * @phone: a phone number as typed
 *
 * A phone number as shown and printed: in left-to-right isolates, so that a
 * right-to-left line (Arabic) keeps its digit groups in order and puts
 * nothing of its own inside it, and with no-break spaces, so that it is
 * never split over two lines. nh_card_dup_text() gives it back plain.
 *
 * Returns: (transfer full)
 */
char *
nh_card_dup_phone_display (const char *phone)
{
  g_autoptr(GString) joined = g_string_new (phone);

  g_string_replace (joined, " ", "\u00a0", 0);

  return nh_text_isolate_ltr (joined->str);
}

/* The other way: the text of a line as typed, for the QR code (see
 * nh_card_dup_phone_display() and dup_shown()). */
static char *
dup_plain (const char *display)
{
  g_autoptr(GString) plain = g_string_new (display);

  nh_text_drop_isolates (plain);
  g_string_replace (plain, "\u00a0", " ", 0);

  return g_string_free (g_steal_pointer (&plain), FALSE);
}

/* Text as typed, shown in a line of @edition's language: set apart when
 * it runs the other way (nh_text_isolate_in()), so that an Arabic name on an
 * English card does not pull the label's numbers after it into its own
 * direction. */
static char *
dup_shown (NhCard     *self,
           NhEdition  *edition,
           const char *id)
{
  g_autofree char *value = dup_stripped (self, id);

  return value ? nh_text_isolate_in (value, nh_edition_is_rtl (edition)) : NULL;
}

static char *
dup_phone (NhCard     *self,
           const char *id)
{
  g_autofree char *value = dup_stripped (self, id);

  return value ? nh_card_dup_phone_display (value) : NULL;
}

static char *
dup_date (NhCard     *self,
          NhEdition  *edition,
          const char *id)
{
  g_autofree char *value = dup_stripped (self, id);

  return value ? nh_card_format_date (value, edition) : NULL;
}

static NhCardEntry *
add_entry (GPtrArray         *entries,
           const NhCardField *first,
           const char        *label,
           char              *value)        /* transfer full */
{
  NhCardEntry *entry = g_new0 (NhCardEntry, 1);

  entry->id = first->line;
  entry->label = g_strdup (label);
  entry->value = value;
  entry->write_lines = first->write_lines;
  entry->emphasis = first->emphasis;
  entry->priority = first->priority;
  entry->paragraph = first->paragraph;
  entry->section = first->section;
  entry->short_line = first->short_line;
  entry->in_qr = first->in_qr;
  g_ptr_array_add (entries, entry);

  return entry;
}

/* Labels printed on the card are in the edition's language, which may not
 * be the desktop's. */
#define T(msgid) nh_edition_gettext (edition, msgid)

/* One field's text as shown in a line. */
static char *
dup_field_shown (NhCard            *self,
                 NhEdition         *edition,
                 const NhCardField *field)
{
  switch (field->kind)
    {
    case NH_CARD_KIND_DATE:
      return dup_date (self, edition, field->id);
    case NH_CARD_KIND_PHONE:
      return dup_phone (self, field->id);
    case NH_CARD_KIND_TEXT:
    case NH_CARD_KIND_MULTILINE:
    default:
      return dup_shown (self, edition, field->id);
    }
}

/* A printed line from its fields @fields[0 .. n - 1]: "Jane Doe (mother),
 * +44 7700 900123", "18 kg (measured 12 Jan 2026)", "Brand X, under the
 * skin, every week": the parts there are; NULL when none has text. */
static char *
dup_line_value (NhCard            *self,
                NhEdition         *edition,
                const NhCardField *fields,
                guint              n)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *relationship = NULL;
  g_autofree char *measured = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *who = NULL;
  char *value;

  for (guint i = 0; i < n; i++)
    {
      if ((value = dup_field_shown (self, edition, &fields[i])) == NULL)
        continue;

      switch (fields[i].part)
        {
        case NH_CARD_PART_RELATIONSHIP:
          g_free (relationship);
          relationship = value;
          break;
        case NH_CARD_PART_MEASURED:
          g_free (measured);
          measured = value;
          break;
        case NH_CARD_PART_PHONE:
          g_free (phone);
          phone = value;
          break;
        case NH_CARD_PART_VALUE:
        default:
          g_ptr_array_add (values, value);
          break;
        }
    }

  if (values->len > 0)
    {
      g_ptr_array_add (values, NULL);
      who = g_strjoinv (T (N_(", ")), (char **)values->pdata);
    }

  if (who && relationship)
    /* Translators: an emergency contact: "Jane Doe (mother)" */
    value = g_strdup_printf (T (N_("%s (%s)")), who, relationship);
  else
    value = g_strdup (who ? who : relationship);
  g_free (who);
  who = value;

  if (who && measured)
    /* Translators: "18 kg (measured 12 Jan 2026)" */
    value = g_strdup_printf (T (N_("%s (measured %s)")), who, measured);
  else if (measured)
    value = g_strdup_printf (T (N_("measured %s")), measured);
  else
    value = g_strdup (who);
  g_free (who);
  who = value;

  if (who && phone)
    /* Translators: a person and their phone number: "Jane Doe (mother), +44 7700 900123" */
    return g_strdup_printf (T (N_("%s, %s")), who, phone);

  return g_strdup (who ? who : phone);
}

/* Every printed line of one side, from the layout table: on a blank card
 * the label and room to write, with the diagnosis, which the edition fills
 * in, printed. */
static void
add_entries (NhCard     *self,
             NhEdition  *edition,
             NhCardSide  side,
             gboolean    blank,
             GPtrArray  *entries)
{
  guint n_fields, i = 0;
  const NhCardField *fields = nh_card_layout_get_fields (&n_fields);

  while (i < n_fields)
    {
      const NhCardField *first = &fields[i];
      guint n = 1;

      while (i + n < n_fields && g_str_equal (fields[i + n].line, first->line))
        n++;
      i += n;

      if (first->side != side)
        continue;

      if (blank && first->write_lines == 0)
        continue;

      add_entry (entries, first, T (nh_card_layout_line_label (first)),
                 !blank || first->prefilled ? dup_line_value (self, edition, first, n) : NULL);
    }
}

static void
cancel_save (NhCard *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
}

static gboolean
save_timeout_cb (gpointer data)
{
  NhCard *self = data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;

  if (!nh_card_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (NhCard *self)
{
  self->dirty = TRUE;

  if (self->store == NULL)
    return;

  cancel_save (self);
  self->save_source = g_timeout_add (NH_CARD_SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[nh] save card");
}

static void
clear_contents (NhCard *self)
{
  g_hash_table_remove_all (self->values);
  self->revision = 0;
  g_clear_pointer (&self->updated, g_free);
  self->show_qr = FALSE;
  g_free (self->paper);
  self->paper = g_strdup (DEFAULT_PAPER);
  g_clear_pointer (&self->lock_sections, g_strfreev);
}

static gboolean
read_json (NhCard       *self,
           GBytes       *bytes,
           GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object, *members;
  gint64 format;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Size, UTF-8, nesting (card.json nests two levels), syntax: see
   * nh-json-guard.h. */
  if (!(root = nh_json_guard_parse (data, length, NH_CARD_MAX_BYTES, NH_CARD_MAX_DEPTH, NULL, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT, _("it is not a saved card"));
      return FALSE;
    }

  object = json_node_get_object (root);

  if (!json_object_has_member (object, "format") ||
      json_node_get_value_type (json_object_get_member (object, "format")) != G_TYPE_INT64 ||
      (format = json_object_get_int_member (object, "format")) < 1)
    {
      g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT, _("format: missing, or not a whole number; a saved card says which version of the card format it is"));
      return FALSE;
    }

  if (format > NH_CARD_FORMAT)
    {
      g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT,
                           _("format: it was saved by a newer version of NEMO Handbook"));
      return FALSE;
    }

  if (json_object_has_member (object, "fields"))
    {
      JsonNode *node = json_object_get_member (object, "fields");
      g_autoptr(GList) names = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT, _("fields: not an object of field names and texts"));
          return FALSE;
        }

      members = json_node_get_object (node);
      names = json_object_get_members (members);
      for (GList *l = names; l; l = l->next)
        {
          JsonNode *value = json_object_get_member (members, l->data);

          if (json_node_get_value_type (value) != G_TYPE_STRING)
            {
              g_set_error (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT,
                           _("fields.%s: not text"), (const char *)l->data);
              return FALSE;
            }
          g_hash_table_insert (self->values, g_strdup (l->data),
                               g_strdup (json_node_get_string (value)));
        }
    }

  if (json_object_has_member (object, "revision"))
    {
      JsonNode *node = json_object_get_member (object, "revision");

      if (json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
        {
          g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT, _("revision: not a whole number from 0"));
          return FALSE;
        }
      self->revision = json_node_get_int (node);
    }

  if (json_object_has_member (object, "updated"))
    {
      JsonNode *node = json_object_get_member (object, "updated");
      GDate date;

      if (json_node_get_value_type (node) != G_TYPE_STRING ||
          !nh_card_parse_date (json_node_get_string (node), &date))
        {
          g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT, _("updated: not a date written as YYYY-MM-DD"));
          return FALSE;
        }
      self->updated = g_strdup (json_node_get_string (node));
    }

  if (json_object_has_member (object, "print"))
    {
      JsonNode *node = json_object_get_member (object, "print");
      JsonObject *print;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT, _("print: not an object of print settings"));
          return FALSE;
        }

      print = json_node_get_object (node);
      if (json_object_has_member (print, "qr") &&
          json_node_get_value_type (json_object_get_member (print, "qr")) == G_TYPE_BOOLEAN)
        self->show_qr = json_object_get_boolean_member (print, "qr");
      /* An unknown paper from a newer version falls back to the default. */
      if (json_object_has_member (print, "paper") &&
          json_node_get_value_type (json_object_get_member (print, "paper")) == G_TYPE_STRING &&
          g_strv_contains (paper_ids, json_object_get_string_member (print, "paper")))
        {
          g_free (self->paper);
          self->paper = g_strdup (json_object_get_string_member (print, "paper"));
        }
    }

  if (json_object_has_member (object, "lock_screen"))
    {
      JsonNode *node = json_object_get_member (object, "lock_screen");
      JsonNode *sections = JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), "sections")
                             ? json_object_get_member (json_node_get_object (node), "sections") : NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (!JSON_NODE_HOLDS_OBJECT (node) || (sections != NULL && !JSON_NODE_HOLDS_ARRAY (sections)))
        {
          g_set_error_literal (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT,
                               _("lock_screen: not an object with a list of sections"));
          return FALSE;
        }

      if (sections != NULL)
        {
          JsonArray *array = json_node_get_array (sections);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (json_node_get_value_type (element) != G_TYPE_STRING)
                {
                  g_set_error (error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT,
                               _("lock_screen.sections[%u]: not text"), i);
                  return FALSE;
                }
              g_strv_builder_add (builder, json_node_get_string (element));
            }
          self->lock_sections = g_strv_builder_end (builder);
        }
    }

  return TRUE;
}

static char *
write_json (NhCard *self,
            gsize  *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) ids = NULL;
  guint n_fields;
  const NhCardField *fields = nh_card_layout_get_fields (&n_fields);
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, NH_CARD_FORMAT);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, self->revision);
  if (self->updated != NULL)
    {
      json_builder_set_member_name (builder, "updated");
      json_builder_add_string_value (builder, self->updated);
    }

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    if (g_hash_table_contains (self->values, fields[i].id))
      {
        json_builder_set_member_name (builder, fields[i].id);
        json_builder_add_string_value (builder, g_hash_table_lookup (self->values, fields[i].id));
      }
  /* Fields a newer version added are kept as they were. */
  ids = g_list_sort (g_hash_table_get_keys (self->values), (GCompareFunc)g_strcmp0);
  for (GList *l = ids; l; l = l->next)
    if (nh_card_find_field (l->data) == NULL)
      {
        json_builder_set_member_name (builder, l->data);
        json_builder_add_string_value (builder, g_hash_table_lookup (self->values, l->data));
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "print");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "paper");
  json_builder_add_string_value (builder, self->paper);
  json_builder_set_member_name (builder, "qr");
  json_builder_add_boolean_value (builder, self->show_qr);
  json_builder_end_object (builder);

  if (self->lock_sections != NULL)
    {
      json_builder_set_member_name (builder, "lock_screen");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sections");
      json_builder_begin_array (builder);
      for (guint i = 0; self->lock_sections[i]; i++)
        json_builder_add_string_value (builder, self->lock_sections[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, length);

  /* A card written on one line near the size limit (kept fields of a
   * newer version) would outgrow it pretty-printed and not load again. */
  if (*length > NH_CARD_MAX_BYTES)
    {
      g_free (data);
      json_generator_set_pretty (generator, FALSE);
      data = json_generator_to_data (generator, length);
    }

  return data;
}

static void
nh_card_dispose (GObject *object)
{
  NhCard *self = (NhCard *)object;
  g_autoptr(GError) error = NULL;

  /* Whatever was typed last is saved, even if the app is closing. */
  if (self->dirty && self->store != NULL && !self->no_save && !nh_card_save (self, &error))
    g_warning ("Could not save the emergency card: %s", error->message);
  cancel_save (self);

  G_OBJECT_CLASS (nh_card_parent_class)->dispose (object);
}

static void
nh_card_finalize (GObject *object)
{
  NhCard *self = (NhCard *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->updated, g_free);
  g_clear_pointer (&self->paper, g_free);
  g_clear_pointer (&self->lock_sections, g_strfreev);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (nh_card_parent_class)->finalize (object);
}

static void
nh_card_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  NhCard *self = NH_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;

    case PROP_SHOW_QR:
      g_value_set_boolean (value, self->show_qr);
      break;

    case PROP_PAPER:
      g_value_set_string (value, self->paper);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_card_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  NhCard *self = NH_CARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SHOW_QR:
      nh_card_set_show_qr (self, g_value_get_boolean (value));
      break;

    case PROP_PAPER:
      nh_card_set_paper (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_card_class_init (NhCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nh_card_dispose;
  object_class->finalize = nh_card_finalize;
  object_class->get_property = nh_card_get_property;
  object_class->set_property = nh_card_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NH_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_QR] =
    g_param_spec_boolean ("show-qr", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAPER] =
    g_param_spec_string ("paper", NULL, NULL, DEFAULT_PAPER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NhCard::changed:
   * @field_id: the field that changed; also the signal's detail
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * NhCard::save-failed:
   * @error: why, in words for the user
   *
   * A save after a change failed; the card keeps the text and tries again
   * on the next change.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * NhCard::saved:
   *
   * The card was written to disk (after a change, or by nh_card_save()):
   * a "could not be saved" message no longer holds.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nh_card_init (NhCard *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->paper = g_strdup (DEFAULT_PAPER);
}

void
nh_card_entry_free (NhCardEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->label);
  g_free (entry->value);
  g_free (entry->second_label);
  g_free (entry);
}

/* Returns: (array length=n_fields): every field, in the editor's order */
const NhCardField *
nh_card_get_fields (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  return nh_card_layout_get_fields (n_fields);
}

/* Returns: (nullable): the field, or NULL for an unknown id */
const NhCardField *
nh_card_find_field (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return nh_card_layout_find_field (id);
}

/**
 * nh_card_check_value:
 * @today: (nullable): the date to compare with, or NULL for today
 * @message: (out) (optional) (transfer full): what is wrong, in plain words
 *
 * Checks one value for one field. An empty value is fine unless the field
 * is required.
 */
NhCardCheck
nh_card_check_value (const NhCardField  *field,
                     const char         *value,
                     GDate              *today,
                     char              **message)
{
  g_autofree char *stripped = NULL;
  NhCardCheck check = NH_CARD_CHECK_OK;
  guint length = 0;

  g_return_val_if_fail (field != NULL, NH_CARD_CHECK_OK);

  stripped = g_strstrip (g_strdup (value ? value : ""));

  if (*stripped == '\0')
    check = field->required ? NH_CARD_CHECK_REQUIRED : NH_CARD_CHECK_OK;
  else if (field->kind == NH_CARD_KIND_DATE)
    check = check_date (stripped, today);
  else if ((length = g_utf8_strlen (stripped, -1)) > field->max_chars)
    check = NH_CARD_CHECK_TOO_LONG;
  else if (field->kind == NH_CARD_KIND_PHONE)
    check = check_phone (stripped);

  if (message != NULL)
    *message = check_message (field, check, length);

  return check;
}

/* Reads YYYY-MM-DD (month and day may have one digit); FALSE unless it is a
 * real date. */
gboolean
nh_card_parse_date (const char *text,
                    GDate      *date)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  return parse_date (text, date) == DATE_OK;
}

/* "2019-03-25" as "25 Mar 2019": in the language of @edition on a printout,
 * or in the user's language when @edition is NULL (on screen). The month is
 * a word, so that the order of day and month cannot be misread. Text that
 * is not a date comes back as is. */
char *
nh_card_format_date (const char *text,
                     NhEdition  *edition)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (edition == NULL || NH_IS_EDITION (edition), NULL);

  if (!nh_card_parse_date (text, &date))
    return g_strdup (text);

  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);

  if (edition != NULL)
    return nh_edition_format_date (edition, time, FALSE);

  /* Translators: how a date is shown on screen, see g_date_time_format();
   * keep the month as a word so that day and month cannot be confused */
  return g_date_time_format (time, _("%-d %b %Y"));
}

/**
 * nh_card_new:
 * @store: (nullable): where the card is saved, or NULL for one that is not
 */
NhCard *
nh_card_new (NhStore *store)
{
  g_return_val_if_fail (store == NULL || NH_IS_STORE (store), NULL);

  return g_object_new (NH_TYPE_CARD, "store", store, NULL);
}

/* Returns: (transfer full): the same contents, never saved; for printing
 * what is on screen now. */
NhCard *
nh_card_copy (NhCard *self)
{
  NhCard *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (NH_IS_CARD (self), NULL);

  copy = nh_card_new (NULL);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->values, g_strdup (key), g_strdup (value));
  copy->revision = self->revision;
  copy->updated = g_strdup (self->updated);
  copy->show_qr = self->show_qr;
  g_free (copy->paper);
  copy->paper = g_strdup (self->paper);
  copy->lock_sections = g_strdupv (self->lock_sections);

  return copy;
}

/**
 * nh_card_load:
 *
 * Reads the saved card. Nothing saved yet is not an error. A file that
 * cannot be read as a card is moved aside (nh_card_get_backup_path()) and
 * the card starts empty: then this returns FALSE with NH_CARD_ERROR_CORRUPT,
 * and the card is ready to use. Any other error leaves the card empty and
 * never saved, so the file on disk is not overwritten.
 */
gboolean
nh_card_load (NhCard  *self,
              GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (NH_IS_CARD (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  cancel_save (self);
  clear_contents (self);
  self->dirty = FALSE;
  self->touched = FALSE;
  self->no_save = FALSE;
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_error (&self->load_error);

  bytes = nh_store_load (self->store, NH_CARD_FILE_NAME, NH_CARD_MAX_BYTES, &local_error);

  if (bytes == NULL && g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
    return TRUE;

  if (bytes == NULL && !g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_TOO_LARGE))
    {
      self->no_save = TRUE;
      self->load_error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (bytes != NULL && read_json (self, bytes, &local_error))
    return TRUE;

  /* Unreadable: keep the file for a person to look at, start empty. */
  clear_contents (self);
  path = nh_store_dup_path (self->store, NH_CARD_FILE_NAME);

  {
    g_autoptr(GError) move_error = NULL;

    self->backup_path = nh_store_quarantine (self->store, NH_CARD_FILE_NAME, &move_error);
    if (self->backup_path == NULL)
      {
        self->no_save = TRUE;
        g_set_error (&self->load_error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                     _("The saved emergency card “%s” could not be read (%s), and could not be "
                       "moved aside (%s). Changes to the card will not be saved."),
                     path, local_error->message, move_error->message);
        g_propagate_error (error, g_error_copy (self->load_error));
        return FALSE;
      }
  }

  g_set_error (&self->load_error, NH_CARD_ERROR, NH_CARD_ERROR_CORRUPT,
               _("The saved emergency card could not be read (%s). "
                 "It was kept as “%s”, and the card starts empty."),
               local_error->message, self->backup_path);
  g_propagate_error (error, g_error_copy (self->load_error));

  return FALSE;
}

/* Returns: (nullable): where an unreadable card file was moved by
 * nh_card_load(), or NULL */
const char *
nh_card_get_backup_path (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), NULL);

  return self->backup_path;
}

/* Returns: (nullable): why the saved card could not be loaded, for the user */
const GError *
nh_card_get_load_error (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), NULL);

  return self->load_error;
}

gboolean
nh_card_save (NhCard  *self,
              GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NH_IS_CARD (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  cancel_save (self);

  if (self->no_save)
    {
      g_set_error_literal (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                           self->load_error ? self->load_error->message
                                            : _("The card cannot be saved."));
      return FALSE;
    }

  data = write_json (self, &length);
  if (!nh_store_save (self->store, NH_CARD_FILE_NAME, data, length, error))
    return FALSE;

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0);

  return TRUE;
}

/* Saves now if a change is waiting to be saved. */
gboolean
nh_card_flush (NhCard  *self,
               GError **error)
{
  g_return_val_if_fail (NH_IS_CARD (self), FALSE);

  if (!self->dirty || self->store == NULL || self->no_save)
    return TRUE;

  return nh_card_save (self, error);
}

gboolean
nh_card_get_dirty (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), FALSE);

  return self->dirty;
}

/* Fills in the diagnosis from the edition unless the family ever set it
 * (also to nothing). Not a change: nothing is saved for it. */
void
nh_card_prefill (NhCard    *self,
                 NhEdition *edition)
{
  g_return_if_fail (NH_IS_CARD (self));
  g_return_if_fail (NH_IS_EDITION (edition));

  if (!g_hash_table_contains (self->values, "diagnosis"))
    g_hash_table_insert (self->values, g_strdup ("diagnosis"),
                         g_strdup (nh_edition_get_card_diagnosis_default (edition)));
}

/* Returns: the text as typed, "" when empty; never NULL */
const char *
nh_card_get_text (NhCard     *self,
                  const char *field_id)
{
  g_return_val_if_fail (NH_IS_CARD (self), NULL);
  g_return_val_if_fail (nh_card_find_field (field_id) != NULL, NULL);

  return value_or_empty (self, field_id);
}

/* Keeps @text exactly as given, valid or not; emits ::changed and saves a
 * moment later when it differs. */
void
nh_card_set_text (NhCard     *self,
                  const char *field_id,
                  const char *text)
{
  g_autofree char *today = NULL;
  const NhCardField *field;

  g_return_if_fail (NH_IS_CARD (self));
  g_return_if_fail ((field = nh_card_find_field (field_id)) != NULL);

  if (text == NULL)
    text = "";

  if (g_str_equal (value_or_empty (self, field_id), text))
    return;

  g_hash_table_insert (self->values, g_strdup (field->id), g_strdup (text));

  if (!self->touched)
    {
      self->touched = TRUE;
      self->revision++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }

  today = today_iso ();
  if (g_strcmp0 (self->updated, today) != 0)
    {
      g_free (self->updated);
      self->updated = g_steal_pointer (&today);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
    }

  schedule_save (self);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (field->id), field->id);
}

/* TRUE when the field holds more than spaces. */
gboolean
nh_card_has_text (NhCard     *self,
                  const char *field_id)
{
  const char *value;

  g_return_val_if_fail (NH_IS_CARD (self), FALSE);

  value = value_or_empty (self, field_id);
  while (g_ascii_isspace (*value))
    value++;

  return *value != '\0';
}

/* Nothing typed yet, apart from the diagnosis the edition fills in. */
gboolean
nh_card_is_empty (NhCard *self)
{
  guint n_fields;
  const NhCardField *fields = nh_card_layout_get_fields (&n_fields);

  g_return_val_if_fail (NH_IS_CARD (self), TRUE);

  for (guint i = 0; i < n_fields; i++)
    if (!g_str_equal (fields[i].id, "diagnosis") && nh_card_has_text (self, fields[i].id))
      return FALSE;

  return TRUE;
}

/**
 * nh_card_check:
 * @message: (out) (optional) (transfer full)
 *
 * Checks the field's current text. A missing child's name counts only once
 * something else is on the card, so an empty card is not shown as wrong.
 */
NhCardCheck
nh_card_check (NhCard      *self,
               const char  *field_id,
               char       **message)
{
  const NhCardField *field;
  NhCardCheck check;

  g_return_val_if_fail (NH_IS_CARD (self), NH_CARD_CHECK_OK);
  g_return_val_if_fail ((field = nh_card_find_field (field_id)) != NULL, NH_CARD_CHECK_OK);

  check = nh_card_check_value (field, value_or_empty (self, field_id), NULL, message);

  if (check == NH_CARD_CHECK_REQUIRED && nh_card_is_empty (self))
    {
      if (message != NULL)
        g_clear_pointer (message, g_free);
      return NH_CARD_CHECK_OK;
    }

  return check;
}

guint
nh_card_count_problems (NhCard *self)
{
  guint n = 0;
  guint n_fields;
  const NhCardField *fields = nh_card_layout_get_fields (&n_fields);

  g_return_val_if_fail (NH_IS_CARD (self), 0);

  for (guint i = 0; i < n_fields; i++)
    if (nh_card_check (self, fields[i].id, NULL) != NH_CARD_CHECK_OK)
      n++;

  return n;
}

guint
nh_card_get_revision (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), 0);

  return self->revision;
}

/* Returns: (nullable): the day of the last change, YYYY-MM-DD */
const char *
nh_card_get_updated (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), NULL);

  return self->updated;
}

gboolean
nh_card_get_show_qr (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), FALSE);

  return self->show_qr;
}

/* Whether the printed card carries a QR code of its text. A print setting:
 * it does not change the card's version. */
void
nh_card_set_show_qr (NhCard   *self,
                     gboolean  show_qr)
{
  g_return_if_fail (NH_IS_CARD (self));

  show_qr = !!show_qr;
  if (self->show_qr == show_qr)
    return;

  self->show_qr = show_qr;
  schedule_save (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_QR]);
}

const char *
nh_card_get_paper (NhCard *self)
{
  g_return_val_if_fail (NH_IS_CARD (self), NULL);

  return self->paper;
}

/* The paper to print on: "id1", "a6", "a4" or "letter". */
void
nh_card_set_paper (NhCard     *self,
                   const char *paper_id)
{
  g_return_if_fail (NH_IS_CARD (self));
  g_return_if_fail (paper_id != NULL && g_strv_contains (paper_ids, paper_id));

  if (g_str_equal (self->paper, paper_id))
    return;

  g_free (self->paper);
  self->paper = g_strdup (paper_id);
  schedule_save (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

/* Whether the lock-screen image shows @section (nh_card_layout_get_sections()). */
gboolean
nh_card_get_lock_screen_shows (NhCard     *self,
                               const char *section)
{
  g_return_val_if_fail (NH_IS_CARD (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return g_strv_contains (self->lock_sections ? (const char * const *)self->lock_sections
                                              : default_lock_sections, section);
}

/* A lock screen is seen by strangers: the family chooses each section on
 * it. A print setting: it does not change the card's version. */
void
nh_card_set_lock_screen_shows (NhCard     *self,
                               const char *section,
                               gboolean    shown)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const char * const *sections;

  g_return_if_fail (NH_IS_CARD (self));
  g_return_if_fail (nh_card_layout_section_label (section) != NULL);

  if (nh_card_get_lock_screen_shows (self, section) == !!shown)
    return;

  builder = g_strv_builder_new ();
  sections = nh_card_layout_get_sections ();
  /* In the layout's order; ids a newer version wrote are kept. */
  for (guint i = 0; sections[i]; i++)
    if (g_str_equal (sections[i], section) ? shown : nh_card_get_lock_screen_shows (self, sections[i]))
      g_strv_builder_add (builder, sections[i]);
  for (guint i = 0; self->lock_sections && self->lock_sections[i]; i++)
    if (nh_card_layout_section_label (self->lock_sections[i]) == NULL)
      g_strv_builder_add (builder, self->lock_sections[i]);

  g_strfreev (self->lock_sections);
  self->lock_sections = g_strv_builder_end (builder);
  schedule_save (self);
}

/**
 * nh_card_dup_entries:
 * @edition: whose language the labels are in
 * @blank: labels with room to write instead of the family's text
 *
 * The lines of one side of the card, most important first. On a filled
 * card, entries with nothing in them have a NULL value: leave them out.
 *
 * Returns: (transfer full) (element-type NhCardEntry)
 */
GPtrArray *
nh_card_dup_entries (NhCard     *self,
                     NhEdition  *edition,
                     NhCardSide  side,
                     gboolean    blank)
{
  GPtrArray *entries;

  g_return_val_if_fail (NH_IS_CARD (self), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)nh_card_entry_free);

  add_entries (self, edition, side, blank, entries);

  return entries;
}

/* "NEMO Handbook · card version 3 · updated 12 Jan 2026": on every side, so
 * a reader knows where the card comes from and how old it is. */
char *
nh_card_dup_footer (NhCard    *self,
                    NhEdition *edition,
                    gboolean   blank)
{
  g_autofree char *updated = NULL;

  g_return_val_if_fail (NH_IS_CARD (self), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  if (blank)
    /* Translators: the footer of a card filled in by hand; %s is "NEMO Handbook" */
    return g_strdup_printf (T (N_("%s · filled in on ____________")), nh_edition_get_title (edition));

  if (self->updated == NULL)
    return g_strdup (nh_edition_get_title (edition));

  updated = nh_card_format_date (self->updated, edition);

  /* Translators: the footer of the card: "NEMO Handbook · card version 3 · updated 12 Jan 2026" */
  return g_strdup_printf (T (N_("%s · card version %u · updated %s")),
                          nh_edition_get_title (edition), self->revision, updated);
}

/* The card as plain text, as in its QR code: the title, every filled line of
 * both sides as "Label: value", and the footer. The edition's standing
 * instructions are left out: they are printed beside the code anyway and
 * would make the code too dense for a wallet card. */
char *
nh_card_dup_text (NhCard    *self,
                  NhEdition *edition)
{
  GString *text;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (NH_IS_CARD (self), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  text = g_string_new (nh_edition_get_card_title (edition));
  g_string_append_c (text, '\n');

  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    {
      g_autoptr(GPtrArray) entries = nh_card_dup_entries (self, edition, side, FALSE);

      for (guint i = 0; i < entries->len; i++)
        {
          NhCardEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *value = NULL;

          if (entry->value == NULL)
            continue;

          /* Translators: one line of the card as text: "Name: Alex" */
          g_string_append_printf (text, T (N_("%s: %s")), entry->label, (value = dup_plain (entry->value)));
          g_string_append_c (text, '\n');
        }
    }

  footer = nh_card_dup_footer (self, edition, FALSE);
  g_string_append (text, footer);

  return g_string_free (text, FALSE);
}

/**
 * nh_card_dup_qr_text:
 * @up_to: the least important lines to take in
 *
 * The essentials of the card as compact plain text, for a QR code small
 * enough for a wallet card: the title, then "Label: value" for each filled
 * line the layout table marks for the code (name, date of birth,
 * diagnosis, allergies, 24-hour number, contacts, immunoglobulin and
 * antibiotics) that is at least as important as @up_to, in the card's
 * order. No footer and no standing instructions: they are printed.
 *
 * Returns: (transfer full)
 */
char *
nh_card_dup_qr_text (NhCard         *self,
                     NhEdition      *edition,
                     NhCardPriority  up_to)
{
  GString *text;

  g_return_val_if_fail (NH_IS_CARD (self), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  text = g_string_new (nh_edition_get_card_title (edition));

  for (NhCardSide side = NH_CARD_FRONT; side <= NH_CARD_BACK; side++)
    {
      g_autoptr(GPtrArray) entries = nh_card_dup_entries (self, edition, side, FALSE);

      for (guint i = 0; i < entries->len; i++)
        {
          NhCardEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *value = NULL;

          if (entry->value == NULL || !entry->in_qr || entry->priority > up_to)
            continue;

          g_string_append_c (text, '\n');
          g_string_append_printf (text, T (N_("%s: %s")), entry->label, (value = dup_plain (entry->value)));
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * nh_card_dup_phone_contacts:
 *
 * The numbers to call when an infection is suspected, for the checklist:
 * the immunology centre first, then the emergency contacts and the family
 * doctor, each as "who\tphone", labels in @edition's language. Only people
 * with a phone number are listed. Names are set apart for mixed directions
 * as on the card; the number is as typed, for the caller to show.
 *
 * Returns: (transfer full): a NULL-terminated array, maybe empty
 */
GStrv
nh_card_dup_phone_contacts (NhCard    *self,
                            NhEdition *edition)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *centre_phone = NULL;
  g_autofree char *gp_phone = NULL;

  g_return_val_if_fail (NH_IS_CARD (self), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  if ((centre_phone = dup_stripped (self, "centre_phone")))
    {
      g_autofree char *centre = dup_shown (self, edition, "centre_name");
      g_autofree char *line = NULL;

      g_autofree char *who = centre ? g_strdup_printf (T (N_("%s: %s")), T (N_("Immunology centre")), centre)
                                    : g_strdup (T (N_("Immunology centre")));

      line = g_strdup_printf ("%s\t%s", who, centre_phone);
      g_strv_builder_add (builder, line);
    }

  for (guint i = 1; i <= NH_CARD_MAX_CONTACTS; i++)
    {
      g_autofree char *name_id = g_strdup_printf ("contact%u_name", i);
      g_autofree char *relationship_id = g_strdup_printf ("contact%u_relationship", i);
      g_autofree char *phone_id = g_strdup_printf ("contact%u_phone", i);
      g_autofree char *phone = dup_stripped (self, phone_id);
      g_autofree char *who = NULL;
      g_autofree char *line = NULL;

      if (phone == NULL)
        continue;

      /* The name and the relationship: the first two fields of the line. */
      who = dup_line_value (self, edition, nh_card_layout_find_field (name_id), 2);
      line = g_strdup_printf ("%s\t%s", who ? who : T (N_("Emergency contact")), phone);
      g_strv_builder_add (builder, line);
    }

  if ((gp_phone = dup_stripped (self, "gp_phone")))
    {
      g_autofree char *gp = dup_shown (self, edition, "gp_name");
      g_autofree char *line = NULL;

      g_autofree char *who = gp ? g_strdup_printf (T (N_("%s: %s")), T (N_("GP or family doctor")), gp)
                                : g_strdup (T (N_("GP or family doctor")));

      line = g_strdup_printf ("%s\t%s", who, gp_phone);
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}
