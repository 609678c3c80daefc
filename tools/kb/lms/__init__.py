"""LMS exports of the quiz modules (QTI 2.1 content packages, Moodle GIFT) and the completion receipts trainers collect."""
