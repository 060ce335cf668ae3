/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-block.c: one block of handbook text (paragraph, heading, list, callout) */

#include "nh-block.h"

struct _NhBlock
{
  GObject      parent_instance;
  NhBlockKind  kind;
  char        *text;
  char       **items;
  char       **facts;
  char        *translation_state;  /* NULL unless the block is a group's translation */
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhBlock, nh_block, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const struct {
  const char  *name;
  NhBlockKind  kind;
} kind_names[] = {
  { "paragraph", NH_BLOCK_PARAGRAPH },
  { "heading", NH_BLOCK_HEADING },
  { "list", NH_BLOCK_LIST },
  { "important", NH_BLOCK_IMPORTANT },
  { "disclaimer", NH_BLOCK_DISCLAIMER },
  { "edition-info", NH_BLOCK_EDITION_INFO },
};

static void
nh_block_finalize (GObject *object)
{
  NhBlock *self = (NhBlock *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->items, g_strfreev);
  g_clear_pointer (&self->facts, g_strfreev);
  g_clear_pointer (&self->translation_state, g_free);

  G_OBJECT_CLASS (nh_block_parent_class)->finalize (object);
}

static void
nh_block_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NhBlock *self = NH_BLOCK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_block_class_init (NhBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_block_finalize;
  object_class->get_property = nh_block_get_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      NH_BLOCK_PARAGRAPH, NH_BLOCK_EDITION_INFO, NH_BLOCK_PARAGRAPH,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_block_init (NhBlock *self)
{
}

NhBlock *
nh_block_new (NhBlockKind         kind,
              const char         *text,
              const char * const *items,
              const char * const *facts)
{
  NhBlock *self = g_object_new (NH_TYPE_BLOCK, NULL);

  self->kind = kind;
  self->text = g_strdup (text);
  self->items = g_strdupv ((char **)items);
  self->facts = facts ? g_strdupv ((char **)facts) : g_new0 (char *, 1);

  return self;
}

NhBlockKind
nh_block_get_kind (NhBlock *self)
{
  g_return_val_if_fail (NH_IS_BLOCK (self), NH_BLOCK_PARAGRAPH);

  return self->kind;
}

/* Plain text, never markup. NULL for lists and for the generated blocks. */
const char *
nh_block_get_text (NhBlock *self)
{
  g_return_val_if_fail (NH_IS_BLOCK (self), NULL);

  return self->text;
}

const char * const *
nh_block_get_items (NhBlock *self)
{
  g_return_val_if_fail (NH_IS_BLOCK (self), NULL);

  return (const char * const *)self->items;
}

const char * const *
nh_block_get_facts (NhBlock *self)
{
  g_return_val_if_fail (NH_IS_BLOCK (self), NULL);

  return (const char * const *)self->facts;
}

/**
 * nh_block_set_translation_state:
 * @state: (nullable): "translated", "needs-review", "reviewed" or
 *   "untranslated", as a support group's edition says; NULL for text that
 *   is no translation
 */
void
nh_block_set_translation_state (NhBlock    *self,
                                const char *state)
{
  g_return_if_fail (NH_IS_BLOCK (self));

  g_free (self->translation_state);
  self->translation_state = g_strdup (state);
}

const char *
nh_block_get_translation_state (NhBlock *self)
{
  g_return_val_if_fail (NH_IS_BLOCK (self), NULL);

  return self->translation_state;
}

/* Whether the block is a translation no reviewer has checked yet: it
 * carries a quiet marker on screen and in printouts. */
gboolean
nh_block_is_unreviewed (NhBlock *self)
{
  g_return_val_if_fail (NH_IS_BLOCK (self), FALSE);

  return self->translation_state != NULL && !g_str_equal (self->translation_state, "reviewed");
}

gboolean
nh_block_kind_from_string (const char  *name,
                           NhBlockKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (name, kind_names[i].name))
        {
          if (kind != NULL)
            *kind = kind_names[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* The first @max_words words of the block's text (or its first list item),
 * with "…" when there are more; "" for blocks without text. */
char *
nh_block_dup_excerpt (NhBlock *self,
                      guint    max_words)
{
  const char * const *items;
  const char *text;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) excerpt = g_string_new (NULL);
  guint i, n = 0;

  g_return_val_if_fail (NH_IS_BLOCK (self), NULL);

  items = nh_block_get_items (self);
  text = nh_block_get_text (self);
  if ((text == NULL || *text == '\0') && items != NULL)
    text = items[0];
  if (text == NULL)
    return g_strdup ("");

  words = g_strsplit_set (text, " \n\t", -1);
  for (i = 0; words[i] && n < max_words; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (excerpt->len > 0)
        g_string_append_c (excerpt, ' ');
      g_string_append (excerpt, words[i]);
      n++;
    }
  while (words[i] != NULL && *words[i] == '\0')
    i++;
  if (words[i] != NULL)
    g_string_append (excerpt, "…");

  return g_string_free (g_steal_pointer (&excerpt), FALSE);
}
