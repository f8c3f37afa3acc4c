#include "../../../zint/backend/rss.h"
