/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-bookmarks-window.h: the reader's bookmarks: open, rename, remove */
#pragma once

#include <adwaita.h>

#include "model/nh-edition.h"
#include "model/nh-reading.h"

G_BEGIN_DECLS

#define NH_TYPE_BOOKMARKS_WINDOW (nh_bookmarks_window_get_type ())

G_DECLARE_FINAL_TYPE (NhBookmarksWindow, nh_bookmarks_window, NH, BOOKMARKS_WINDOW, AdwWindow)

typedef void (*NhBookmarkOpenFunc) (const char *section_id,
                                    guint       block,
                                    gpointer    user_data);

NhBookmarksWindow *nh_bookmarks_window_new (GtkWindow          *parent,
                                            NhReading          *reading,
                                            NhEdition          *edition,
                                            NhBookmarkOpenFunc  open_func,
                                            gpointer            user_data);

G_END_DECLS
