/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-sidebar-row.c: a row of the sidebar: a section's icon and title */

#include "config.h"

#include "nh-sidebar-row.h"

struct _NhSidebarRow
{
  GtkListBoxRow  parent_instance;
  NhSection     *section;

  GtkImage      *icon;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (NhSidebarRow, nh_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
nh_sidebar_row_dispose (GObject *object)
{
  NhSidebarRow *self = (NhSidebarRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NH_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->section);

  G_OBJECT_CLASS (nh_sidebar_row_parent_class)->dispose (object);
}

static void
nh_sidebar_row_class_init (NhSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nh_sidebar_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/nh-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NhSidebarRow, icon);
  gtk_widget_class_bind_template_child (widget_class, NhSidebarRow, title_label);
}

static void
nh_sidebar_row_init (NhSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NhSidebarRow *
nh_sidebar_row_new (NhSection *section)
{
  NhSidebarRow *self;
  const char *title;

  g_return_val_if_fail (NH_IS_SECTION (section), NULL);

  self = g_object_new (NH_TYPE_SIDEBAR_ROW, NULL);
  self->section = g_object_ref (section);
  title = nh_section_get_title (section);

  gtk_image_set_from_icon_name (self->icon, nh_section_get_icon_name (section));
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return self;
}

/* Returns: (transfer none) */
NhSection *
nh_sidebar_row_get_section (NhSidebarRow *self)
{
  g_return_val_if_fail (NH_IS_SIDEBAR_ROW (self), NULL);

  return self->section;
}
