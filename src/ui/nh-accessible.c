/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-accessible.c: what screen readers hear, where GTK 4.8 gets it wrong
 *
 * GTK 4.8 gives a button with a mnemonic ("_Print…") the accessible label
 * "_Print…", underscore and all, and then adds the text of the button's
 * own label, so a screen reader says "underscore Print… Print…". Without
 * the label property the name comes from the visible text alone. The
 * acceptance test (tests/acceptance) fails on such names.
 */

#include "config.h"

#include "nh-accessible.h"

static void
fix_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_button (child);
}

/**
 * nh_accessible_fix_mnemonic_names:
 * @root: a widget whose buttons are built (after gtk_widget_init_template())
 *
 * Gives every button with a mnemonic below @root (and @root itself) the
 * name it shows, once. Call it again for a button whose label changes.
 */
void
nh_accessible_fix_mnemonic_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix_button (root);
}
