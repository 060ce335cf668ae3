/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-catalog.c: translations of one language, read from its .mo file
 *
 * The window's own labels follow the system language through gettext. The
 * handbook, the checklist, the card and printouts can be in another
 * language, or in two at once (a bilingual card), so they read the
 * language's compiled catalogue directly instead of switching the process
 * locale. English, the source language, is a catalogue with no entries.
 */

#include "config.h"

#include <string.h>

#include "nh-catalog.h"

#define MO_MAGIC         0x950412de
#define MO_MAGIC_SWAPPED 0xde120495

struct _NhCatalog
{
  GObject     parent_instance;
  char       *language;
  GHashTable *strings;  /* "context\004msgid" or "msgid" -> msgstr */
  GHashTable *plurals;  /* "msgid" -> GStrv of the plural forms, or NULL */
  NhCatalog  *fallback; /* asked for what this one lacks, or NULL */
};

/* The catalogue of the edition in use, asked before gettext for every
 * string of the interface (see nh-interface-gettext.c). */
static NhCatalog *interface_catalog;

G_DEFINE_FINAL_TYPE (NhCatalog, nh_catalog, G_TYPE_OBJECT)

static void
nh_catalog_finalize (GObject *object)
{
  NhCatalog *self = (NhCatalog *)object;

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->strings, g_hash_table_unref);
  g_clear_pointer (&self->plurals, g_hash_table_unref);
  g_clear_object (&self->fallback);

  G_OBJECT_CLASS (nh_catalog_parent_class)->finalize (object);
}

static void
nh_catalog_class_init (NhCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_catalog_finalize;
}

static void
nh_catalog_init (NhCatalog *self)
{
  self->strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, 4);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

static gboolean
parse_mo (NhCatalog     *self,
          const guint8  *data,
          gsize          length,
          GError       **error)
{
  guint32 magic, n, originals, translations;
  gboolean swapped;

  if (length < 28)
    goto invalid;

  memcpy (&magic, data, 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto invalid;
  swapped = magic == MO_MAGIC_SWAPPED;

  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);

  if (originals > length || translations > length ||
      (guint64)n * 8 > length - MAX (originals, translations))
    goto invalid;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 key_len = read_u32 (data, originals + i * 8, swapped);
      guint32 key_off = read_u32 (data, originals + i * 8 + 4, swapped);
      guint32 val_len = read_u32 (data, translations + i * 8, swapped);
      guint32 val_off = read_u32 (data, translations + i * 8 + 4, swapped);

      if ((guint64)key_off + key_len >= length || (guint64)val_off + val_len >= length)
        goto invalid;

      /* Skip the header (empty msgid) and untranslated entries. Plural
       * forms keep their first form, which is all the app needs. */
      if (key_len == 0 || val_len == 0)
        continue;

      g_hash_table_insert (self->strings,
                           g_strndup ((const char *)data + key_off, strnlen ((const char *)data + key_off, key_len)),
                           g_strndup ((const char *)data + val_off, strnlen ((const char *)data + val_off, val_len)));
    }

  return TRUE;

invalid:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "not a valid message catalogue");
  return FALSE;
}

/* Where compiled catalogues are: the install location, or NH_LOCALEDIR
 * (the build tree's po/ folder when run from there). */
const char *
nh_catalog_get_localedir (void)
{
  const char *dir = g_getenv ("NH_LOCALEDIR");

  return dir && *dir ? dir : LOCALEDIR;
}

static char *
mo_path_for (const char *language)
{
  return g_build_filename (nh_catalog_get_localedir (), language, "LC_MESSAGES",
                           GETTEXT_PACKAGE ".mo", NULL);
}

NhCatalog *
nh_catalog_new_from_file (const char  *language,
                          const char  *mo_path,
                          GError     **error)
{
  g_autoptr(NhCatalog) self = NULL;
  g_autoptr(GMappedFile) file = NULL;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (mo_path != NULL, NULL);

  if (!(file = g_mapped_file_new (mo_path, FALSE, error)))
    return NULL;

  self = g_object_new (NH_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);

  if (!parse_mo (self, (const guint8 *)g_mapped_file_get_contents (file),
                 g_mapped_file_get_length (file), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nh_catalog_new:
 * @language: a code such as "de", "pt_BR" or "en"
 *
 * Returns: (transfer full): the language's catalogue; one with no entries
 *   (so every string stays in English) when it has none
 */
NhCatalog *
nh_catalog_new (const char *language)
{
  g_autofree char *path = NULL;
  NhCatalog *self;

  g_return_val_if_fail (language != NULL, NULL);

  path = mo_path_for (language);
  if (!g_str_equal (language, "en") &&
      (self = nh_catalog_new_from_file (language, path, NULL)))
    return self;

  self = g_object_new (NH_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);

  return self;
}

const char *
nh_catalog_get_language (NhCatalog *self)
{
  g_return_val_if_fail (NH_IS_CATALOG (self), NULL);

  return self->language;
}

/* Languages written right to left: pages and printouts mirror. */
gboolean
nh_catalog_language_is_rtl (const char *language)
{
  static const char * const rtl[] = { "ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", NULL };
  g_autofree char *base = NULL;

  g_return_val_if_fail (language != NULL, FALSE);

  base = g_strndup (language, strcspn (language, "_-@."));

  return g_strv_contains (rtl, base);
}

gboolean
nh_catalog_is_rtl (NhCatalog *self)
{
  g_return_val_if_fail (NH_IS_CATALOG (self), FALSE);

  return nh_catalog_language_is_rtl (self->language);
}

/**
 * nh_catalog_new_from_strings:
 * @language: the language of @strings
 * @strings: (transfer none): "context\004msgid" or "msgid" to msgstr
 * @plurals: (transfer none) (nullable): "msgid" to a GStrv of plural forms
 * @fallback: (nullable): asked for every string @strings lacks
 *
 * A catalogue that travels inside an edition: a support group's own
 * translation of the interface, with the base language behind it.
 *
 * Returns: (transfer full)
 */
NhCatalog *
nh_catalog_new_from_strings (const char *language,
                             GHashTable *strings,
                             GHashTable *plurals,
                             NhCatalog  *fallback)
{
  NhCatalog *self;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (strings != NULL, NULL);

  self = g_object_new (NH_TYPE_CATALOG, NULL);
  self->language = g_strdup (language);
  self->fallback = fallback ? g_object_ref (fallback) : NULL;

  g_hash_table_iter_init (&iter, strings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (key && *(const char *)key && value && *(const char *)value)
      g_hash_table_insert (self->strings, g_strdup (key), g_strdup (value));

  if (plurals != NULL)
    {
      self->plurals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
      g_hash_table_iter_init (&iter, plurals);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->plurals, g_strdup (key), g_strdupv (value));
    }

  return self;
}

/**
 * nh_catalog_lookup:
 * @key: "msgid", or "context\004msgid"
 *
 * Returns: (nullable): the translation, from this catalogue or its
 *   fallback, or NULL when neither has one
 */
const char *
nh_catalog_lookup (NhCatalog  *self,
                   const char *key)
{
  const char *translated;

  g_return_val_if_fail (NH_IS_CATALOG (self), NULL);

  if (key == NULL || *key == '\0')
    return NULL;

  if ((translated = g_hash_table_lookup (self->strings, key)))
    return translated;

  return self->fallback ? nh_catalog_lookup (self->fallback, key) : NULL;
}

/**
 * nh_catalog_ngettext:
 *
 * The form for @n of a message with a plural. A catalogue from an edition
 * picks its first form for one and its second for any other number, as
 * most languages do; a compiled catalogue keeps only its first form.
 *
 * Returns: (nullable): NULL when neither this catalogue nor its fallback
 *   has the message
 */
const char *
nh_catalog_ngettext (NhCatalog     *self,
                     const char    *msgid,
                     unsigned long  n)
{
  GStrv forms;

  g_return_val_if_fail (NH_IS_CATALOG (self), NULL);

  if (msgid == NULL || *msgid == '\0')
    return NULL;

  if (self->plurals != NULL && (forms = g_hash_table_lookup (self->plurals, msgid)))
    {
      guint count = g_strv_length (forms);
      guint index = n == 1 ? 0 : 1;

      if (count > 0)
        return forms[MIN (index, count - 1)];
    }
  else if (self->plurals == NULL && n == 1 && g_hash_table_lookup (self->strings, msgid))
    return g_hash_table_lookup (self->strings, msgid);

  return self->fallback ? nh_catalog_ngettext (self->fallback, msgid, n) : NULL;
}

/**
 * nh_catalog_set_interface:
 * @catalog: (nullable): the catalogue of the edition in use, or NULL
 *
 * Makes every interface string of the app, the window's included, come
 * from @catalog first and from gettext second.
 */
void
nh_catalog_set_interface (NhCatalog *catalog)
{
  static GPtrArray *retired;

  g_return_if_fail (catalog == NULL || NH_IS_CATALOG (catalog));

  if (catalog == interface_catalog)
    return;

  /* A string another thread got from the catalogue before it was replaced
   * stays valid: catalogues in use once are kept (a few per run). */
  if (interface_catalog != NULL)
    {
      if (retired == NULL)
        retired = g_ptr_array_new ();
      g_ptr_array_add (retired, g_steal_pointer (&interface_catalog));
    }

  interface_catalog = catalog ? g_object_ref (catalog) : NULL;
}

/* Returns: (transfer none) (nullable) */
NhCatalog *
nh_catalog_get_interface (void)
{
  return interface_catalog;
}

/* Returns @msgid itself when there is no translation. Never looks up "". */
const char *
nh_catalog_gettext (NhCatalog  *self,
                    const char *msgid)
{
  const char *translated;

  g_return_val_if_fail (NH_IS_CATALOG (self), msgid);

  if (msgid == NULL || *msgid == '\0')
    return msgid;

  translated = nh_catalog_lookup (self, msgid);

  return translated ? translated : msgid;
}

const char *
nh_catalog_pgettext (NhCatalog  *self,
                     const char *context,
                     const char *msgid)
{
  g_autofree char *key = NULL;
  const char *translated;

  g_return_val_if_fail (NH_IS_CATALOG (self), msgid);

  if (msgid == NULL || *msgid == '\0')
    return msgid;

  key = g_strconcat (context, "\004", msgid, NULL);
  translated = nh_catalog_lookup (self, key);

  return translated ? translated : msgid;
}

/* The languages the handbook can be shown in: English plus every
 * language with a compiled catalogue. */
GStrv
nh_catalog_list_languages (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) linguas = g_strsplit (NH_LINGUAS, " ", -1);

  g_strv_builder_add (builder, "en");

  for (guint i = 0; linguas[i]; i++)
    {
      g_autofree char *path = mo_path_for (linguas[i]);

      if (*linguas[i] && g_file_test (path, G_FILE_TEST_EXISTS))
        g_strv_builder_add (builder, linguas[i]);
    }

  return g_strv_builder_end (builder);
}

/* "" follows the system: the first of its languages we have, else English. */
char *
nh_catalog_resolve_language (const char *preference)
{
  g_auto(GStrv) available = nh_catalog_list_languages ();
  const char * const *system = g_get_language_names ();

  if (preference != NULL && *preference && g_strv_contains ((const char * const *)available, preference))
    return g_strdup (preference);

  for (guint i = 0; system[i]; i++)
    {
      if (g_str_equal (system[i], "C") || g_str_equal (system[i], "POSIX"))
        break;
      /* g_get_language_names() lists "de_DE.UTF-8", "de_DE", "de"... */
      if (strchr (system[i], '.') == NULL && strchr (system[i], '@') == NULL &&
          g_strv_contains ((const char * const *)available, system[i]))
        return g_strdup (system[i]);
    }

  return g_strdup ("en");
}

/**
 * nh_text_isolate_ltr:
 *
 * Wraps @text (a phone number) in Unicode left-to-right isolates, so in a
 * right-to-left line its digit groups keep their order and nothing around
 * it is pulled in. For display and printing only, never for stored data.
 *
 * Returns: (transfer full)
 */
char *
nh_text_isolate_ltr (const char *text)
{
  return g_strconcat ("\u2066", text ? text : "", "\u2069", NULL);
}

/* Whether the first letter of @text is of a script written right to left;
 * FALSE when it has no letter: numbers alone read left to right. */
static gboolean
text_starts_rtl (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;

      switch ((int)g_unichar_get_script (c))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
        case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

/**
 * nh_text_isolate_in:
 * @text: text as someone typed it, such as a name
 * @rtl: whether the line it goes in runs right to left
 *
 * Sets @text apart when it runs the other way from its line: an Arabic
 * name on an English card, so that the label's numbers after it are not
 * pulled into its direction, or a Latin name on an Arabic card. Text that
 * runs with its line is left as it is (an explicit right-to-left isolate
 * before a left-to-right one in the same Arabic line upsets the order of
 * the second in Debian 12's Pango, so none is added where none is needed).
 * For display and printing only.
 *
 * Returns: (transfer full)
 */
char *
nh_text_isolate_in (const char *text,
                    gboolean    rtl)
{
  gboolean text_rtl;

  g_return_val_if_fail (text != NULL, NULL);

  text_rtl = text_starts_rtl (text);
  if (text_rtl == rtl)
    return g_strdup (text);

  return g_strconcat (text_rtl ? "\u2067" : "\u2066", text, "\u2069", NULL);
}

/* Takes out what nh_text_isolate_ltr() and nh_text_isolate_in() put in:
 * the text as typed, for where no one reads it in a line (a QR code). */
void
nh_text_drop_isolates (GString *text)
{
  g_return_if_fail (text != NULL);

  g_string_replace (text, "\u2066", "", 0);
  g_string_replace (text, "\u2067", "", 0);
  g_string_replace (text, "\u2069", "", 0);
}
