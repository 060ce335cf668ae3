/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-section.c: one page of the handbook: id, title, icon and blocks */

#include "nh-section.h"

struct _NhSection
{
  GObject    parent_instance;
  char      *id;
  char      *title;
  char      *icon_name;
  GPtrArray *blocks;
  GStrv      search_words;  /* never shown; see nh_section_set_search_words() */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ICON_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhSection, nh_section, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
nh_section_finalize (GObject *object)
{
  NhSection *self = (NhSection *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->icon_name, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (nh_section_parent_class)->finalize (object);
}

static void
nh_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NhSection *self = NH_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_section_class_init (NhSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_section_finalize;
  object_class->get_property = nh_section_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_section_init (NhSection *self)
{
}

/* Takes a reference on @blocks, an array of NhBlock. */
NhSection *
nh_section_new (const char *id,
                const char *title,
                const char *icon_name,
                GPtrArray  *blocks)
{
  NhSection *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (blocks != NULL, NULL);

  self = g_object_new (NH_TYPE_SECTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->icon_name = g_strdup (icon_name);
  self->blocks = g_ptr_array_ref (blocks);

  return self;
}

const char *
nh_section_get_id (NhSection *self)
{
  g_return_val_if_fail (NH_IS_SECTION (self), NULL);

  return self->id;
}

const char *
nh_section_get_title (NhSection *self)
{
  g_return_val_if_fail (NH_IS_SECTION (self), NULL);

  return self->title;
}

const char *
nh_section_get_icon_name (NhSection *self)
{
  g_return_val_if_fail (NH_IS_SECTION (self), NULL);

  return self->icon_name;
}

guint
nh_section_get_n_blocks (NhSection *self)
{
  g_return_val_if_fail (NH_IS_SECTION (self), 0);

  return self->blocks->len;
}

NhBlock *
nh_section_get_block (NhSection *self,
                      guint      position)
{
  g_return_val_if_fail (NH_IS_SECTION (self), NULL);
  g_return_val_if_fail (position < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, position);
}

/* The edition's extra words that search finds this section by ("search_words"
 * in the edition format): not shown as text. @words may be NULL. */
void
nh_section_set_search_words (NhSection          *self,
                             const char * const *words)
{
  g_return_if_fail (NH_IS_SECTION (self));

  g_strfreev (self->search_words);
  self->search_words = g_strdupv ((char **)words);
}

/* Returns: (transfer none) (nullable) */
const char * const *
nh_section_get_search_words (NhSection *self)
{
  g_return_val_if_fail (NH_IS_SECTION (self), NULL);
  return (const char * const *)self->search_words;
}
