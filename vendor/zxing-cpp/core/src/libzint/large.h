#include "../../../zint/backend/large.h"
