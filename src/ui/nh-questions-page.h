/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions-page.h: the questions for the next visit: add, edit, reorder, answer */
#pragma once

#include <adwaita.h>

#include "model/nh-edition.h"
#include "model/nh-questions.h"

G_BEGIN_DECLS

#define NH_TYPE_QUESTIONS_PAGE (nh_questions_page_get_type ())

G_DECLARE_FINAL_TYPE (NhQuestionsPage, nh_questions_page, NH, QUESTIONS_PAGE, AdwBin)

NhQuestionsPage *nh_questions_page_new    (NhQuestions     *questions,
                                           NhEdition       *edition);
void             nh_questions_page_reload (NhQuestionsPage *self);

G_END_DECLS
