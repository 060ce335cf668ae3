/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window-private.h: what nh-window.c and nh-window-actions.c share */
#pragma once

#include "nh-window.h"
#include "model/nh-questions.h"
#include "model/nh-reading.h"
#include "model/nh-search.h"
#include "nh-read-aloud.h"

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
  NhReading            *reading;       /* positions and bookmarks, per edition */
  NhQuestions          *questions;     /* for the next visit */
  NhReadAloud          *read_aloud;    /* made on first use */
  guint                 read_first_block; /* the block of the first paragraph read */
  GtkWidget            *reading_widget;   /* the block being read, marked */
  guint                 top_block;     /* the paragraph at the top of the view */
  guint                 restore_id;    /* tick callback: puts it back there after a new layout */
  guint                 restore_frames;
  guint                 restore_stable;
  double                restore_last_value;
  guint                 save_id;       /* saves the position a moment after scrolling */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkWidget            *content_box;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkButton            *back_button;
  GtkActionBar         *read_aloud_bar;
  GtkWidget            *bookmark_button;
  GtkWidget            *read_aloud_button;
  GtkLabel             *read_aloud_label;
  GtkButton            *read_aloud_pause_button;
  GtkButton            *suggestion_button;
  char                 *suggestion;      /* "Did you mean …?", or NULL */
  GtkStack             *sidebar_stack;
  GtkListBox           *tools_list;
  GtkListBoxRow        *checklist_row;
  GtkListBoxRow        *card_row;
  GtkListBoxRow        *record_row;
  GtkWidget            *children_box;
  GtkListBox           *children_list;
  GtkListBoxRow        *questions_row;
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
void _nh_window_add_bookmark   (NhWindow *self);
void _nh_window_show_bookmarks (NhWindow *self);
void _nh_window_read_aloud     (NhWindow *self);
void _nh_window_read_aloud_pause (NhWindow *self);
void _nh_window_read_aloud_stop  (NhWindow *self);
void _nh_window_ask_question   (NhWindow   *self,
                                const char *section_id,
                                guint       block);

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
#define NH_PAGE_QUESTIONS "@questions"

G_END_DECLS
