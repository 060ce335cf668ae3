/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-save-banner.c: "could not be saved" across the top of a page, with Retry
 *
 * A page whose store failed to save (a full disk, a read-only or vanished
 * folder) shows this until a save works again: what failed and where, in
 * plain words, that what was typed is kept, and a Retry button. The page
 * retries on the next change too, and hides the banner when a save works.
 * (libadwaita 1.2 has no AdwBanner.)
 */

#include "config.h"

#include "nh-save-banner.h"

struct _NhSaveBanner
{
  AdwBin       parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *retry_button;
};

G_DEFINE_FINAL_TYPE (NhSaveBanner, nh_save_banner, ADW_TYPE_BIN)

enum
{
  RETRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
retry_clicked_cb (NhSaveBanner *self)
{
  g_signal_emit (self, signals[RETRY], 0);
}

static void
nh_save_banner_class_init (NhSaveBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * NhSaveBanner::retry:
   *
   * The user asked to save again now.
   */
  signals[RETRY] =
    g_signal_new ("retry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/nh-save-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, NhSaveBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, NhSaveBanner, label);
  gtk_widget_class_bind_template_child (widget_class, NhSaveBanner, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
nh_save_banner_init (NhSaveBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
nh_save_banner_new (void)
{
  return g_object_new (NH_TYPE_SAVE_BANNER, NULL);
}

/* Shows @message (what failed, where, what happens now), or replaces it. */
void
nh_save_banner_show (NhSaveBanner *self,
                     const char   *message)
{
  g_return_if_fail (NH_IS_SAVE_BANNER (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->label, message);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

void
nh_save_banner_hide (NhSaveBanner *self)
{
  g_return_if_fail (NH_IS_SAVE_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Returns: (nullable): the message shown, or NULL when hidden */
const char *
nh_save_banner_get_message (NhSaveBanner *self)
{
  g_return_val_if_fail (NH_IS_SAVE_BANNER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  return gtk_label_get_text (self->label);
}
