/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search-row.c: a search result: the section and a snippet */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-search-row.h"

struct _NhSearchRow
{
  GtkListBoxRow   parent_instance;
  NhSearchResult *result;

  GtkLabel       *section_label;
  GtkLabel       *where_label;
  GtkLabel       *snippet_label;
};

G_DEFINE_FINAL_TYPE (NhSearchRow, nh_search_row, GTK_TYPE_LIST_BOX_ROW)

static void
nh_search_row_dispose (GObject *object)
{
  NhSearchRow *self = (NhSearchRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_SEARCH_ROW);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (nh_search_row_parent_class)->dispose (object);
}

static void
nh_search_row_class_init (NhSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_search_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NhSearchRow, section_label);
  gtk_widget_class_bind_template_child (widget_class, NhSearchRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, NhSearchRow, snippet_label);
}

static void
nh_search_row_init (NhSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NhSearchRow *
nh_search_row_new (NhSearchResult *result)
{
  NhSearchRow *self;
  const char *title;
  g_autofree char *markup = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (NH_IS_SEARCH_RESULT (result), NULL);

  self = g_object_new (NH_TYPE_SEARCH_ROW, NULL);
  self->result = g_object_ref (result);
  title = nh_search_result_get_title (result);

  /* The snippet markup is escaped by the model; only the hit is bold. */
  markup = nh_search_result_dup_snippet_markup (result);
  gtk_label_set_text (self->section_label, title);
  gtk_label_set_text (self->where_label, nh_search_result_get_where (result));
  gtk_label_set_markup (self->snippet_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label),
                          *nh_search_result_get_snippet (result) != '\0');

  /* Translators: how a screen reader reads a search result: the title, where
   * it is ("Checklist", "Help"…) and the words around the match */
  label = g_strdup_printf (_("%s (%s): %s"), title, nh_search_result_get_where (result),
                           nh_search_result_get_snippet (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return self;
}

/* Returns: (transfer none) */
NhSearchResult *
nh_search_row_get_result (NhSearchRow *self)
{
  g_return_val_if_fail (NH_IS_SEARCH_ROW (self), NULL);

  return self->result;
}
