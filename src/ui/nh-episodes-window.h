/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-episodes-window.h: past episodes: list, read-only view, print, delete */
#pragma once

#include <adwaita.h>

#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

#define NH_TYPE_EPISODES_WINDOW (nh_episodes_window_get_type ())

G_DECLARE_FINAL_TYPE (NhEpisodesWindow, nh_episodes_window, NH, EPISODES_WINDOW, AdwWindow)

NhEpisodesWindow *nh_episodes_window_new  (GtkWindow        *parent,
                                           NhEdition        *edition,
                                           NhChecklistState *state);
char             *nh_episode_dup_summary  (NhEpisode        *episode,
                                           NhEdition        *edition);

G_END_DECLS
