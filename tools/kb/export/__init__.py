"""LMS exports of the quiz modules: QTI 2.1 content packages and Moodle GIFT."""
