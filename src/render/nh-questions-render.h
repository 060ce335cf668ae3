/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions-render.h: the questions for the next visit, as a page to take along */
#pragma once

#include <cairo.h>

#include "model/nh-edition.h"
#include "model/nh-questions.h"
#include "nh-paper.h"

G_BEGIN_DECLS

typedef struct _NhQuestionsRender NhQuestionsRender;

NhQuestionsRender *nh_questions_render_new         (NhQuestions       *questions,
                                                    NhEdition         *edition,
                                                    const char        *child_name);
void               nh_questions_render_free        (NhQuestionsRender *self);
guint              nh_questions_render_count_pages (double             width,
                                                    double             height,
                                                    gpointer           render);
void               nh_questions_render_draw_page   (cairo_t           *cr,
                                                    double             width,
                                                    double             height,
                                                    guint              page,
                                                    gpointer           render);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhQuestionsRender, nh_questions_render_free)

G_END_DECLS
