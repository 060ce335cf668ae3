/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-child.c: one child of the family: their card, checklist and record
 *
 * Each child's files live in a store folder of their own (card.json,
 * checklist.json, record.json, in the formats their classes write). The
 * first child's folder is the store's top folder, where versions before
 * the family kept the card and the checklist: their files are the first
 * child's as they are, and nothing is moved.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nh-child.h"

struct _NhChild
{
  GObject           parent_instance;
  char             *id;
  char             *name;
  char             *folder;          /* relative to the family's store; "" for its top */
  NhStore          *store;
  NhCard           *card;            /* each loaded on first use */
  NhChecklistState *checklist_state;
  char             *checklist_backup;
  NhRecord         *record;
  char             *record_backup;
};

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhChild, nh_child, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
nh_child_finalize (GObject *object)
{
  NhChild *self = (NhChild *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->folder, g_free);
  g_clear_pointer (&self->checklist_backup, g_free);
  g_clear_pointer (&self->record_backup, g_free);
  g_clear_object (&self->card);
  g_clear_object (&self->checklist_state);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nh_child_parent_class)->finalize (object);
}

static void
nh_child_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  NhChild *self = NH_CHILD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_child_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  NhChild *self = NH_CHILD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      nh_child_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_child_class_init (NhChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_child_finalize;
  object_class->get_property = nh_child_get_property;
  object_class->set_property = nh_child_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_child_init (NhChild *self)
{
  self->name = g_strdup ("");
}

/* @store: the child's own folder */
NhChild *
nh_child_new (const char *id,
              const char *name,
              const char *folder,
              NhStore    *store)
{
  NhChild *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  self = g_object_new (NH_TYPE_CHILD, NULL);
  self->id = g_strdup (id);
  self->folder = g_strdup (folder != NULL ? folder : "");
  self->store = g_object_ref (store);
  nh_child_set_name (self, name);

  return self;
}

const char *
nh_child_get_id (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  return self->id;
}

const char *
nh_child_get_name (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  return self->name;
}

void
nh_child_set_name (NhChild    *self,
                   const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  g_return_if_fail (NH_IS_CHILD (self));

  if (g_strcmp0 (stripped, self->name) == 0)
    return;

  g_free (self->name);
  self->name = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
nh_child_get_folder (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  return self->folder;
}

NhStore *
nh_child_get_store (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  return self->store;
}

/**
 * nh_child_dup_display_name:
 *
 * Returns: the name the family gave the child, else the name on their
 *   card, else "Child"
 */
char *
nh_child_dup_display_name (NhChild *self)
{
  NhCard *card;

  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  if (*self->name != '\0')
    return g_strdup (self->name);

  card = nh_child_get_card (self);
  if (nh_card_has_text (card, "child_name"))
    return g_strdup (nh_card_get_text (card, "child_name"));

  return g_strdup (_("Child"));
}

/**
 * nh_child_get_card:
 *
 * Loads the child's card on first use. A saved card that cannot be read is
 * moved aside and the card starts empty; nh_card_get_load_error() says so.
 *
 * Returns: (transfer none): the card, saved as it changes
 */
NhCard *
nh_child_get_card (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  if (self->card == NULL)
    {
      self->card = nh_card_new (self->store);
      nh_card_load (self->card, NULL);
    }

  return self->card;
}

/* Returns: (transfer none) (nullable): NULL when a damaged file could not
 *   even be moved aside */
NhChecklistState *
nh_child_get_checklist_state (NhChild  *self,
                              GError  **error)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  if (self->checklist_state == NULL)
    self->checklist_state = nh_checklist_state_load (self->store, &self->checklist_backup, error);

  return self->checklist_state;
}

/* Returns: (nullable): where a damaged checklist file went, once */
char *
nh_child_steal_checklist_backup (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  return g_steal_pointer (&self->checklist_backup);
}

/* Returns: (transfer none) (nullable): NULL when a damaged file could not
 *   even be moved aside */
NhRecord *
nh_child_get_record (NhChild  *self,
                     GError  **error)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  if (self->record == NULL)
    self->record = nh_record_load (self->store, &self->record_backup, error);

  return self->record;
}

/* Returns: (nullable): where a damaged record file went, once */
char *
nh_child_steal_record_backup (NhChild *self)
{
  g_return_val_if_fail (NH_IS_CHILD (self), NULL);

  return g_steal_pointer (&self->record_backup);
}

/* Saves what waits to be saved (the card saves a moment after typing). */
gboolean
nh_child_flush (NhChild  *self,
                GError  **error)
{
  g_return_val_if_fail (NH_IS_CHILD (self), FALSE);

  return self->card == NULL || nh_card_flush (self->card, error);
}

static gboolean
set_card_text (NhCard     *card,
               const char *field_id,
               const char *text)
{
  const NhCardField *field = nh_card_find_field (field_id);
  g_autofree char *cut = NULL;

  /* The card's boxes are small; the record keeps the whole text. */
  if (g_utf8_strlen (text, -1) > field->max_chars)
    text = cut = g_utf8_substring (text, 0, field->max_chars);

  if (g_strcmp0 (nh_card_get_text (card, field_id), text) == 0)
    return FALSE;

  nh_card_set_text (card, field_id, text);
  return TRUE;
}

/**
 * nh_child_update_card_from_record:
 * @today: YYYY-MM-DD
 *
 * Writes the card's Ig product, route and last dose from the last infusion
 * in the record, and its preventive antibiotics from the current ones, so
 * the family types them once. A card whose record has no infusion (or no
 * preventive antibiotic) keeps what the family typed there.
 *
 * Returns: whether the card changed
 */
gboolean
nh_child_update_card_from_record (NhChild    *self,
                                  const char *today)
{
  NhRecord *record;
  NhCard *card;
  const NhRecordEntry *last;
  g_autoptr(GPtrArray) preventive = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (NH_IS_CHILD (self), FALSE);

  if ((record = nh_child_get_record (self, NULL)) == NULL)
    return FALSE;

  card = nh_child_get_card (self);
  {
    if ((last = nh_record_get_last_infusion (record)) != NULL)
      {
        g_autofree char *date = g_strndup (nh_record_entry_get (last, NH_RECORD_INFUSIONS, "time"), 10);
        const char *route = nh_record_entry_get (last, NH_RECORD_INFUSIONS, "route");
        const NhRecordColumn *columns = nh_record_get_columns (NH_RECORD_INFUSIONS, NULL);

        changed |= set_card_text (card, "ig_product", nh_record_entry_get (last, NH_RECORD_INFUSIONS, "product"));
        if (*route != '\0')
          changed |= set_card_text (card, "ig_route",
                                    nh_record_choice_label (&columns[nh_record_find_column (NH_RECORD_INFUSIONS, "route")],
                                                            route));
        changed |= set_card_text (card, "ig_last_dose", date);
      }

    preventive = nh_record_dup_current_preventive (record, today);
    if (preventive->len > 0)
      {
        g_autoptr(GString) text = g_string_new (NULL);

        for (guint i = 0; i < preventive->len; i++)
          {
            const NhRecordEntry *entry = g_ptr_array_index (preventive, i);
            const char *dose = nh_record_entry_get (entry, NH_RECORD_ANTIBIOTICS, "dose");

            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append (text, nh_record_entry_get (entry, NH_RECORD_ANTIBIOTICS, "drug"));
            if (*dose != '\0')
              g_string_append_printf (text, " (%s)", dose);
          }
        changed |= set_card_text (card, "antibiotics", text->str);
      }
  }

  return changed;
}
