/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window-private.h: what nh-window.c and nh-window-actions.c share */
#pragma once

#include "nh-window.h"
#include "model/nh-search.h"

G_BEGIN_DECLS

struct _NhWindow
{
  AdwApplicationWindow  parent_instance;

  NhEdition            *edition;
  NhSearch             *search;        /* built on the first query */
  GListModel           *results;
  GSettings            *settings;
  GtkCssProvider       *text_scale_css;
  char                 *section_id;    /* the page shown: a section id, or @checklist, @card */
  GPtrArray            *back_stack;    /* page ids */
  GPtrArray            *forward_stack;
  gboolean              selecting_row;
  gboolean              skip_disclaimer; /* opened straight to a tool in a hurry */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListBox           *tools_list;
  GtkListBoxRow        *checklist_row;
  GtkListBoxRow        *card_row;
  GtkListBoxRow        *record_row;
  GtkWidget            *children_box;
  GtkListBox           *children_list;
  GtkListBox           *sections_list;
  GtkListBox           *results_list;
  AdwWindowTitle       *content_title;
  GtkStack             *content_stack;
  GtkScrolledWindow    *content_scroller;
  GtkMenuButton        *menu_button;
  GtkLabel             *zoom_label;
};

void _nh_window_actions_init   (NhWindow *self);
void _nh_window_actions_update (NhWindow *self);
void _nh_window_go_back        (NhWindow *self);
void _nh_window_go_forward     (NhWindow *self);
void _nh_window_step_section   (NhWindow *self,
                                int       direction);
void _nh_window_begin_search   (NhWindow *self);
void _nh_window_show_sidebar   (NhWindow *self);
void _nh_window_print          (NhWindow *self);

#define NH_PAGE_CHECKLIST "@checklist"
#define NH_PAGE_CARD      "@card"
#define NH_PAGE_RECORD    "@record"

/* nh-window-children.c: whose card, checklist and record are shown */
void _nh_window_children_init  (NhWindow *self,
                                NhApplication *application);
void _nh_window_children_update_title (NhWindow *self);
void _nh_window_add_child      (NhWindow *self);
void _nh_window_remove_tool_pages (NhWindow *self);
gboolean _nh_window_redisplay  (NhWindow *self);

/* nh-window-backup.c */
void _nh_window_backup         (NhWindow *self);
void _nh_window_restore        (NhWindow *self);

G_END_DECLS
