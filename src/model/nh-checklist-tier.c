/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-tier.c: one step of the "infection suspected" checklist */

#include "nh-checklist-tier.h"

struct _NhChecklistTier
{
  GObject   parent_instance;
  char     *id;
  char     *title;
  char    **item_ids;
  char    **item_texts;
  GArray   *advice;      /* of gboolean, one per item */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhChecklistTier, nh_checklist_tier, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
nh_checklist_tier_finalize (GObject *object)
{
  NhChecklistTier *self = (NhChecklistTier *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->item_ids, g_strfreev);
  g_clear_pointer (&self->item_texts, g_strfreev);
  g_clear_pointer (&self->advice, g_array_unref);

  G_OBJECT_CLASS (nh_checklist_tier_parent_class)->finalize (object);
}

static void
nh_checklist_tier_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NhChecklistTier *self = NH_CHECKLIST_TIER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_checklist_tier_class_init (NhChecklistTierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_checklist_tier_finalize;
  object_class->get_property = nh_checklist_tier_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_checklist_tier_init (NhChecklistTier *self)
{
}

/* @item_ids and @item_texts have the same length. */
NhChecklistTier *
nh_checklist_tier_new (const char         *id,
                       const char         *title,
                       const char * const *item_ids,
                       const char * const *item_texts)
{
  NhChecklistTier *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((char **)item_ids) == g_strv_length ((char **)item_texts), NULL);

  self = g_object_new (NH_TYPE_CHECKLIST_TIER, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->item_ids = g_strdupv ((char **)item_ids);
  self->item_texts = g_strdupv ((char **)item_texts);
  self->advice = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_set_size (self->advice, g_strv_length (self->item_ids));

  return self;
}

const char *
nh_checklist_tier_get_id (NhChecklistTier *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), NULL);
  return self->id;
}

const char *
nh_checklist_tier_get_title (NhChecklistTier *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), NULL);
  return self->title;
}

guint
nh_checklist_tier_get_n_items (NhChecklistTier *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), 0);
  return g_strv_length (self->item_ids);
}

/* A stable id: ticks are stored by it, whatever the language. */
const char *
nh_checklist_tier_get_item_id (NhChecklistTier *self,
                               guint            position)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), NULL);
  g_return_val_if_fail (position < g_strv_length (self->item_ids), NULL);
  return self->item_ids[position];
}

const char *
nh_checklist_tier_get_item_text (NhChecklistTier *self,
                                 guint            position)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), NULL);
  g_return_val_if_fail (position < g_strv_length (self->item_texts), NULL);
  return self->item_texts[position];
}

/* Advice ("Do not wait to see if it gets better") reads as advice: it is
 * shown as a callout and has no box to tick. Steps are things to do. */
gboolean
nh_checklist_tier_get_item_is_advice (NhChecklistTier *self,
                                      guint            position)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), FALSE);
  g_return_val_if_fail (position < self->advice->len, FALSE);
  return g_array_index (self->advice, gboolean, position);
}

void
nh_checklist_tier_set_item_is_advice (NhChecklistTier *self,
                                      guint            position,
                                      gboolean         advice)
{
  g_return_if_fail (NH_IS_CHECKLIST_TIER (self));
  g_return_if_fail (position < self->advice->len);
  g_array_index (self->advice, gboolean, position) = !!advice;
}

/* Returns: the items to tick, advice left out */
guint
nh_checklist_tier_get_n_steps (NhChecklistTier *self)
{
  guint n = 0;

  g_return_val_if_fail (NH_IS_CHECKLIST_TIER (self), 0);

  for (guint i = 0; i < self->advice->len; i++)
    if (!g_array_index (self->advice, gboolean, i))
      n++;

  return n;
}
