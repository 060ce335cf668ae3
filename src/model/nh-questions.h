/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions.h: questions to ask at the next visit, with their answers */
#pragma once

#include "nh-store.h"

G_BEGIN_DECLS

#define NH_QUESTIONS_FILE       "questions.json"
#define NH_QUESTIONS_MAX_BYTES  (1024 * 1024)
#define NH_QUESTIONS_MAX_DEPTH  8   /* root, questions, one question */
#define NH_QUESTIONS_MAX        200
#define NH_QUESTIONS_MAX_CHARS  2000

typedef struct
{
  char     *text;        /* the question, in the family's words */
  char     *quote;       /* nullable: the handbook's sentence it is about */
  char     *section_id;  /* nullable: where that sentence is */
  guint     block;
  gboolean  answered;
  char     *answer;      /* "" until written in */
} NhQuestion;

#define NH_TYPE_QUESTIONS (nh_questions_get_type ())

G_DECLARE_FINAL_TYPE (NhQuestions, nh_questions, NH, QUESTIONS, GObject)

NhQuestions      *nh_questions_new         (NhStore     *store,
                                            char       **backup_path);
guint             nh_questions_get_n       (NhQuestions *self);
const NhQuestion *nh_questions_get         (NhQuestions *self,
                                            guint        position);
gboolean          nh_questions_add         (NhQuestions *self,
                                            const char  *text,
                                            const char  *quote,
                                            const char  *section_id,
                                            guint        block);
void              nh_questions_set_text    (NhQuestions *self,
                                            guint        position,
                                            const char  *text);
void              nh_questions_set_answer  (NhQuestions *self,
                                            guint        position,
                                            gboolean     answered,
                                            const char  *answer);
void              nh_questions_move        (NhQuestions *self,
                                            guint        from,
                                            guint        to);
void              nh_questions_remove      (NhQuestions *self,
                                            guint        position);
gboolean          nh_questions_save        (NhQuestions *self,
                                            GError     **error);

G_END_DECLS
